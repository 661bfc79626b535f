/**
 * App deep links of a pass (passport-api.md §7 AppDeepLinks, UserDeepLink): the tolerant reading
 * and the strict input rules, as in `./schemas`.
 */
import * as z from 'zod/mini';
import {
  ANDROID_PACKAGE_PATTERN,
  APP_STORE_ID_PATTERN,
  USER_DEEP_LINK_APP_TYPES,
  isHttpUrl,
  isHttpsUrl,
} from './rules';
import { optionalFormatted, optionalText, text } from './schema-parts';
import { MAX_GOOGLE_DISPLAY_TEXT } from './wallet-rules';

export const AppleDeepLinkDataSchema = z.looseObject({ appStoreId: text(), launchUrl: text() });
export const GoogleDeepLinkDataSchema = z.looseObject({
  androidPackageName: text(),
  webAppUrl: text(),
  displayText: text(),
});
export const AppDeepLinksSchema = z.looseObject({
  appleDeepLinkData: z.nullish(AppleDeepLinkDataSchema),
  googleDeepLinkData: z.nullish(GoogleDeepLinkDataSchema),
});
export type AppDeepLinks = z.infer<typeof AppDeepLinksSchema>;

export const AppDeepLinksInputSchema = z.looseObject({
  appleDeepLinkData: z.nullish(
    z
      .looseObject({
        appStoreId: optionalFormatted('The App Store id is digits only', (v) => APP_STORE_ID_PATTERN.test(v)),
        launchUrl: text(),
      })
      .check(
        z.refine((v) => !v.launchUrl || Boolean(v.appStoreId), {
          message: 'A launch URL needs an App Store id',
          path: ['launchUrl'],
        }),
      ),
  ),
  googleDeepLinkData: z.nullish(
    z.looseObject({
      androidPackageName: optionalFormatted('Use a Java package name such as com.example.app', (v) =>
        ANDROID_PACKAGE_PATTERN.test(v),
      ),
      webAppUrl: optionalFormatted('The web app URL must start with https://', isHttpsUrl),
      displayText: optionalText('Display text', MAX_GOOGLE_DISPLAY_TEXT),
    }),
  ),
});

export const UserDeepLinkAppTypeSchema = z.enum(USER_DEEP_LINK_APP_TYPES);

export const UserDeepLinkSchema = z.looseObject({
  appType: z.nullish(z.string()),
  inputLink: text(),
  appleAppStoreUrl: text(),
  launchUrl: text(),
  googlePlayStoreUrl: text(),
});
export type UserDeepLink = z.infer<typeof UserDeepLinkSchema>;

const httpLink = (what: string) => optionalFormatted(`${what} must be an http(s) URL`, isHttpUrl);

export const UserDeepLinkInputSchema = z.looseObject({
  appType: z.nullish(UserDeepLinkAppTypeSchema),
  inputLink: httpLink('The link'),
  appleAppStoreUrl: httpLink('The App Store URL'),
  launchUrl: text(),
  googlePlayStoreUrl: httpLink('The Play Store URL'),
});
