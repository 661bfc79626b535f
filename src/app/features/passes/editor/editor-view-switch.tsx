import { useEffect } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import { cx } from '../../../lib/cx';

export type EditorView = 'form' | 'preview';

const VIEWS: [EditorView, string][] = [
  ['form', 'Form'],
  ['preview', 'Preview'],
];

/**
 * Form or Preview, below lg where the two no longer sit side by side: a segmented control (radio
 * buttons, so arrow keys move between them) that stays under the header while the form scrolls,
 * so a marketer on a phone looks at the pass one tap after typing. The hidden view stays mounted
 * (editor-view.css), so nothing typed is lost. A save that finds errors shows the form again.
 */
export function EditorViewSwitch({ view, onChange }: { view: EditorView; onChange: (view: EditorView) => void }) {
  const { control } = useFormContext();
  const { errors, submitCount } = useFormState({ control });
  const hasErrors = Object.keys(errors).length > 0;
  useEffect(() => {
    if (hasErrors) onChange('form');
  }, [hasErrors, submitCount, onChange]);

  const choose = (next: EditorView) => {
    onChange(next);
    // The other view starts at its top, under this switch.
    const top = document.getElementById('editor-views');
    if (top && top.getBoundingClientRect().top < 0) top.scrollIntoView({ block: 'start' });
  };

  return (
    <fieldset className="sticky top-14 z-10 -mx-4 mb-4 bg-surface-sunken px-4 py-2 sm:-mx-6 sm:px-6 lg:hidden">
      <legend className="sr-only">Show</legend>
      <div className="flex rounded-lg border border-surface-strong bg-surface p-0.5">
        {VIEWS.map(([value, label]) => (
          <label
            key={value}
            className={cx(
              'relative flex-1 cursor-pointer rounded-md px-3 py-1.5 text-center text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus-ring',
              view === value ? 'bg-brand-600 text-ink-inverse' : 'text-ink-muted hover:text-ink',
            )}
          >
            <input
              type="radio"
              name="editor-view"
              value={value}
              checked={view === value}
              onChange={() => choose(value)}
              className="absolute inset-0 cursor-pointer opacity-0"
            />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
