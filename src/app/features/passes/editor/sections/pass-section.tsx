import { EditorSection, TextField } from '../form-fields';

export function PassSection() {
  return (
    <EditorSection
      id="section-pass"
      title="Pass"
      description="How the pass is named in Pass Studio and where holders get it."
    >
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          name="passName"
          label="Pass name"
          hint="Unique in this workspace; holders do not see it."
          maxLength={255}
        />
        <TextField
          name="notificationHeader"
          label="Notification header"
          hint="Title of Apple lock-screen notifications; the organisation name when empty."
          maxLength={255}
        />
        <TextField
          name="passLinkSlug"
          label="Pass link slug"
          hint="Lowercase letters, digits and dashes; the end of the pass link."
          mono
          maxLength={120}
        />
      </div>
    </EditorSection>
  );
}
