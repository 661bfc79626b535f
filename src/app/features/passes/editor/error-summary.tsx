import { useEffect, useRef } from 'react';
import type { Problem } from './form-paths';

/** "passMetadata.secondaryFields.1.key" → "Secondary field 2, key". */
function describePath(path: string): string {
  const parts = path.split('.');
  const out: string[] = [];
  const names: Record<string, string> = {
    passName: 'Pass name',
    notificationHeader: 'Notification header',
    passLinkSlug: 'Pass link slug',
    description: 'Description',
    organizationName: 'Organisation name',
    backgroundColor: 'Background colour',
    displayTextColor: 'Text colour',
    topField: 'Top field',
    secondaryFields: 'Secondary field',
    backFields: 'Back field',
    value: 'link',
    qrUrl: 'QR code content',
    qrText: 'QR caption',
    locations: 'Location',
    appDeepLinks: 'App links',
    appleDeepLinkData: 'Apple',
    googleDeepLinkData: 'Google',
    userDeepLink: 'User deep link',
    images: 'Image',
  };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part === 'passMetadata') continue;
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      out.push(`${names[part] ?? part} ${Number(next) + 1}`);
      i++;
    } else {
      out.push(names[part] ?? part.replace(/([A-Z])/g, ' $1').toLowerCase());
    }
  }
  const text = out.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The problems that stop a save, each a button that takes the user to its field. It takes the
 * focus when it appears, unless the focus already sits on one of the fields it lists (react-hook-form
 * focuses the first invalid field when it can).
 */
export function ErrorSummary({ problems, onSelect }: { problems: Problem[]; onSelect: (path: Problem['path']) => void }) {
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!problems.some((p) => document.activeElement?.getAttribute('name') === p.path)) summaryRef.current?.focus();
  }, [problems]);
  return (
    <div
      ref={summaryRef}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-4 rounded-card border border-danger-600/40 bg-danger-50 px-4 py-3 text-sm text-danger-700"
    >
      <h2 id="error-summary-title" className="font-semibold">
        {problems.length === 1 ? 'One problem stops the save' : `${problems.length} problems stop the save`}
      </h2>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {problems.map((problem) => (
          <li key={problem.path}>
            <button type="button" className="text-left underline" onClick={() => onSelect(problem.path)}>
              {describePath(problem.path)}: {problem.message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
