import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PassMetadata } from '../../../../../contract/schemas';
import {
  expectFieldError,
  expectNoFieldError,
  passWithMetadata,
  renderSection,
} from '../../../../../testing/editor-harness';
import { DeepLinksSection } from './deep-links-section';

function renderDeepLinks(metadata: PassMetadata = {}) {
  return renderSection(<DeepLinksSection />, { pass: passWithMetadata(metadata) });
}

async function fill(h: ReturnType<typeof renderDeepLinks>, label: string, value: string) {
  const input = screen.getByLabelText(label);
  await h.user.clear(input);
  if (value) await h.user.type(input, value);
  await h.user.tab();
  return input;
}

const USER_LINK_LABELS = ['Link', 'App Store URL', 'Play Store URL', 'App launch URL'];
const shownUserLinkInputs = () => USER_LINK_LABELS.filter((label) => screen.queryByLabelText(label) !== null);

describe('DeepLinksSection', () => {
  it('submits valid Apple and Google app links', async () => {
    const h = renderDeepLinks();
    await fill(h, 'App Store id', '6450012345');
    await fill(h, 'Launch URL', 'beanandbloom://card');
    await fill(h, 'Android package name', 'com.beanandbloom.rewards');
    await fill(h, 'Web app URL', 'https://beanandbloom.example/app');
    await fill(h, 'Button text', 'Open Bean & Bloom');
    await h.submit();
    expect(h.submitted().passMetadata.appDeepLinks).toEqual({
      appleDeepLinkData: { appStoreId: '6450012345', launchUrl: 'beanandbloom://card' },
      googleDeepLinkData: {
        androidPackageName: 'com.beanandbloom.rewards',
        webAppUrl: 'https://beanandbloom.example/app',
        displayText: 'Open Bean & Bloom',
      },
    });
  });

  it.each(['id645', '645 001', '-1', '6.4'])('refuses the App Store id %j', async (id) => {
    const h = renderDeepLinks();
    const input = await fill(h, 'App Store id', id);
    expectFieldError(input, 'The App Store id is digits only');
    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
  });

  it('refuses a launch URL without an App Store id', async () => {
    const h = renderDeepLinks({ appDeepLinks: { appleDeepLinkData: { appStoreId: '123', launchUrl: 'app://x' } } });
    await fill(h, 'App Store id', '');
    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
    expectFieldError(screen.getByLabelText('Launch URL'), 'A launch URL needs an App Store id');
    expectNoFieldError(screen.getByLabelText('App Store id'));

    await fill(h, 'App Store id', '123');
    await h.submit();
    expect(h.onValid).toHaveBeenCalledTimes(1);
  });

  it.each(['beanandbloom', 'com.', '1com.example', 'com.example-app', 'com..example'])(
    'refuses the Android package name %j',
    async (name) => {
      const h = renderDeepLinks();
      const input = await fill(h, 'Android package name', name);
      expectFieldError(input, 'Use a Java package name such as com.example.app');
    },
  );

  it('accepts a Java package name with underscores and digits', async () => {
    const h = renderDeepLinks();
    const input = await fill(h, 'Android package name', 'com.example_2.app3');
    expectNoFieldError(input);
  });

  it.each(['http://shop.example/app', 'ftp://shop.example', 'shop example'])('refuses the web app URL %j', async (url) => {
    const h = renderDeepLinks();
    const input = await fill(h, 'Web app URL', url);
    expectFieldError(input, 'The web app URL must start with https://');
  });

  it('puts https:// in front of a bare host in the web links, and says so', async () => {
    const h = renderDeepLinks({ userDeepLink: { appType: 'Mobile App' } });
    const web = await fill(h, 'Web app URL', 'shop.example/app');
    expect(web).toHaveValue('https://shop.example/app');
    expect(web).toHaveAccessibleDescription(expect.stringContaining('Added https://'));
    expectNoFieldError(web);
    const store = await fill(h, 'App Store URL', 'apps.apple.com/app/id645');
    expect(store).toHaveValue('https://apps.apple.com/app/id645');
    expectNoFieldError(store);
    // The launch URL is the app's own scheme: left as typed.
    expect(await fill(h, 'App launch URL', 'beanandbloom.example')).toHaveValue('beanandbloom.example');
    await h.submit();
    expect(h.submitted().passMetadata.appDeepLinks?.googleDeepLinkData?.webAppUrl).toBe('https://shop.example/app');
    expect(h.submitted().passMetadata.userDeepLink?.appleAppStoreUrl).toBe('https://apps.apple.com/app/id645');
  });

  it('refuses button text over 30 characters and counts as you type', async () => {
    const h = renderDeepLinks();
    const input = await fill(h, 'Button text', 'x'.repeat(30));
    expectNoFieldError(input);
    expect(input).toHaveAccessibleDescription(expect.stringContaining('30/30 characters'));
    await h.user.type(input, 'y');
    expectFieldError(input, 'Display text must be at most 30 characters');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('31/30 characters'));
    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
  });

  it('shows the inputs each user deep link type uses', async () => {
    const h = renderDeepLinks();
    const opens = screen.getByLabelText('Opens');
    expect(opens).toHaveValue('');
    expect(shownUserLinkInputs()).toEqual([]);

    await h.user.selectOptions(opens, 'Mobile App');
    expect(shownUserLinkInputs()).toEqual(['App Store URL', 'Play Store URL', 'App launch URL']);

    await h.user.selectOptions(opens, 'Website');
    expect(shownUserLinkInputs()).toEqual(['Link']);

    await h.user.selectOptions(opens, 'Instagram');
    expect(shownUserLinkInputs()).toEqual(['Link']);

    await h.user.selectOptions(opens, 'Nothing');
    expect(shownUserLinkInputs()).toEqual([]);
    await h.submit();
    expect(h.submitted().passMetadata.userDeepLink?.appType).toBeNull();
  });

  it('submits a website user deep link and refuses one that is not http(s)', async () => {
    const h = renderDeepLinks();
    await h.user.selectOptions(screen.getByLabelText('Opens'), 'Website');
    const link = await fill(h, 'Link', 'javascript:alert(1)');
    expectFieldError(link, 'The link must be an http(s) URL');
    await fill(h, 'Link', 'https://beanandbloom.example');
    expectNoFieldError(link);
    await h.submit();
    expect(h.submitted().passMetadata.userDeepLink).toMatchObject({
      appType: 'Website',
      inputLink: 'https://beanandbloom.example',
    });
  });

  it('refuses store URLs of a mobile app link that are not http(s)', async () => {
    const h = renderDeepLinks({ userDeepLink: { appType: 'Mobile App' } });
    expectFieldError(await fill(h, 'App Store URL', 'ftp://apps.apple.com/app'), 'The App Store URL must be an http(s) URL');
    expectFieldError(await fill(h, 'Play Store URL', 'market://details'), 'The Play Store URL must be an http(s) URL');
    // The launch URL is the app's own scheme.
    expectNoFieldError(await fill(h, 'App launch URL', 'beanandbloom://card'));
  });
});
