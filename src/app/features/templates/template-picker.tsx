import { memo, useMemo } from 'react';
import { cx } from '../../lib/cx';
import { ApplePassPreview } from '../passes/preview/apple-pass-preview';
import { GooglePassPreview } from '../passes/preview/google-pass-preview';
import { STARTER_TEMPLATES, type StarterTemplate, templatePreview } from './starter-templates';

/** The previews are drawn at 320 px; the gallery shows them at this scale. */
const SCALE = 0.42;
const CARD = 320 * SCALE;
/** The fronts' top part: logo, top field, strip and the first fields (the QR code is left out). */
const VISIBLE_HEIGHT = 300 * SCALE;

/**
 * Apple's and Google's fronts of a template, drawn by the editor's own preview components and
 * scaled down. Decorative: the radio's label names the template.
 */
const TemplateThumbnail = memo(function TemplateThumbnail({ template }: { template: StarterTemplate }) {
  const pass = useMemo(() => templatePreview(template), [template]);
  return (
    <span aria-hidden="true" inert className="pointer-events-none flex justify-center gap-2">
      {(['apple', 'google'] as const).map((wallet) => (
        <span
          key={wallet}
          className="relative block shrink-0 overflow-hidden rounded-[10px]"
          style={{ width: CARD, height: VISIBLE_HEIGHT }}
        >
          <span
            className="absolute top-0 left-0 block origin-top-left"
            style={{ width: 320, transform: `scale(${SCALE})` }}
          >
            {wallet === 'apple' ? (
              <ApplePassPreview pass={pass} side="front" />
            ) : (
              <GooglePassPreview pass={pass} side="front" />
            )}
          </span>
        </span>
      ))}
    </span>
  );
});

/** The starter designs as a radio group of cards. */
export function TemplatePicker({
  value,
  onChange,
  name,
}: {
  value: string | null;
  onChange: (template: StarterTemplate) => void;
  name: string;
}) {
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Templates">
      {STARTER_TEMPLATES.map((template) => {
        const checked = value === template.id;
        return (
          <li key={template.id}>
            <label
              className={cx(
                'group flex h-full cursor-pointer flex-col gap-2 rounded-card border bg-surface p-3 transition-colors',
                'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500',
                checked
                  ? 'border-brand-600 bg-brand-50 ring-1 ring-brand-600'
                  : 'border-surface-border hover:border-surface-strong hover:bg-surface-sunken',
              )}
            >
              <TemplateThumbnail template={template} />
              <span className="flex items-start gap-2">
                <input
                  type="radio"
                  name={name}
                  value={template.id}
                  checked={checked}
                  onChange={() => onChange(template)}
                  className="mt-0.5 size-4 shrink-0 accent-brand-600"
                />
                <span className="min-w-0">
                  <span className="block text-sm font-medium text-ink">{template.title}</span>
                  <span className="block text-xs text-ink-muted">{template.summary}</span>
                </span>
              </span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
