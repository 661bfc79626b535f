import { EditorSection, TextField } from '../form-fields';

export function QrSection() {
  return (
    <EditorSection id="section-qr" title="QR code" description="Scanned at the till or the door.">
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          name="passMetadata.qrUrl"
          label="QR code content"
          hint="A URL or text encoded in the QR code."
          maxLength={2048}
          mono
        />
        <TextField name="passMetadata.qrText" label="QR caption" hint="Shown under the code." maxLength={255} />
      </div>
    </EditorSection>
  );
}
