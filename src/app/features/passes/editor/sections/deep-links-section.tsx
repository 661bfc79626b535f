import { USER_DEEP_LINK_APP_TYPES } from '../../../../../contract/rules';
import { MAX_GOOGLE_DISPLAY_TEXT } from '../../../../../contract/wallet-rules';
import { EditorSection, SelectField, TextField } from '../form-fields';
import { useFormValue } from '../use-form-value';
import { LinkField } from './link-field';

export function DeepLinksSection() {
  return (
    <EditorSection id="section-deep-links" title="App links" description="Open your app from the pass.">
      <div className="grid gap-6 lg:grid-cols-2">
        <fieldset>
          <legend className="mb-2 text-sm font-semibold text-ink">Apple Wallet</legend>
          <TextField
            name="passMetadata.appDeepLinks.appleDeepLinkData.appStoreId"
            label="App Store id"
            hint="Digits only, from your app's App Store link."
            inputMode="numeric"
            mono
            maxLength={20}
          />
          <TextField
            name="passMetadata.appDeepLinks.appleDeepLinkData.launchUrl"
            label="Launch URL"
            hint="Passed to your app when it opens; needs an App Store id."
            mono
            maxLength={2048}
          />
        </fieldset>
        <fieldset>
          <legend className="mb-2 text-sm font-semibold text-ink">Google Wallet</legend>
          <TextField
            name="passMetadata.appDeepLinks.googleDeepLinkData.androidPackageName"
            label="Android package name"
            hint="For example com.example.app."
            mono
            maxLength={255}
          />
          <LinkField
            name="passMetadata.appDeepLinks.googleDeepLinkData.webAppUrl"
            label="Web app URL"
            hint="An https:// address."
          />
          <DisplayTextField />
        </fieldset>
      </div>
      <UserDeepLinkFields />
    </EditorSection>
  );
}

function DisplayTextField() {
  const value = useFormValue('passMetadata.appDeepLinks.googleDeepLinkData.displayText') as
    string | null | undefined;
  const length = value?.length ?? 0;
  return (
    <TextField
      name="passMetadata.appDeepLinks.googleDeepLinkData.displayText"
      label="Button text"
      hint={`Shown on the app button; ${length}/${MAX_GOOGLE_DISPLAY_TEXT} characters.`}
      maxLength={60}
    />
  );
}

/** Which inputs each app type uses. */
const USER_DEEP_LINK_INPUTS: Record<
  string,
  ('inputLink' | 'appleAppStoreUrl' | 'launchUrl' | 'googlePlayStoreUrl')[]
> = {
  'Mobile App': ['appleAppStoreUrl', 'googlePlayStoreUrl', 'launchUrl'],
};

const INPUT_LABELS = {
  inputLink: { label: 'Link', hint: 'The page or profile to open.' },
  appleAppStoreUrl: { label: 'App Store URL', hint: 'https://apps.apple.com/…' },
  googlePlayStoreUrl: { label: 'Play Store URL', hint: 'https://play.google.com/…' },
  launchUrl: { label: 'App launch URL', hint: 'The deep link into your app.' },
} as const;

function UserDeepLinkFields() {
  const appType = useFormValue('passMetadata.userDeepLink.appType') as string | null | undefined;
  const inputs = appType ? (USER_DEEP_LINK_INPUTS[appType] ?? ['inputLink']) : [];
  return (
    <fieldset className="mt-6 border-t border-surface-border pt-4">
      <legend className="sr-only">User deep link</legend>
      <h3 className="text-sm font-semibold text-ink">User deep link</h3>
      <div className="mt-2 grid gap-x-4 sm:grid-cols-2">
        <SelectField name="passMetadata.userDeepLink.appType" label="Opens" hint="Where the pass's deep link leads.">
          <option value="">Nothing</option>
          {USER_DEEP_LINK_APP_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </SelectField>
        {inputs.map((input) => {
          const { label, hint } = INPUT_LABELS[input];
          const name = `passMetadata.userDeepLink.${input}` as const;
          // The launch URL is the app's own scheme; the others are web pages.
          return input === 'launchUrl' ? (
            <TextField key={input} name={name} label={label} hint={hint} mono maxLength={2048} />
          ) : (
            <LinkField key={input} name={name} label={label} hint={hint} />
          );
        })}
      </div>
    </fieldset>
  );
}
