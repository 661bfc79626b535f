import { EditorSection, TextField } from '../form-fields';

export const CHANGE_MESSAGE_HINT = 'Shown when the value changes; %@ stands for the new value.';

export function TopFieldSection() {
  return (
    <EditorSection
      id="section-top-field"
      title="Top field"
      description="The key value of the pass: top right on Apple Wallet (visible even when passes are stacked), the header on Google Wallet."
    >
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField name="passMetadata.topField.label" label="Label" placeholder="POINTS" maxLength={255} />
        <TextField name="passMetadata.topField.value" label="Value" placeholder="1,250" maxLength={255} />
        <TextField
          name="passMetadata.topField.key"
          label="Key"
          hint="Unique in the pass; used by integrations."
          mono
          maxLength={255}
        />
        <TextField
          name="passMetadata.topField.changeMessage"
          label="Change message"
          hint={CHANGE_MESSAGE_HINT}
          placeholder="You now have %@ points"
          maxLength={255}
        />
      </div>
    </EditorSection>
  );
}
