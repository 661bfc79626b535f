import { Fragment } from 'react';
import type { Change, ImageChange, PassChanges, RowChange, ValueChange } from './pass-changes';

/**
 * The changes between two versions of a pass, section by section: the save review and the
 * version history render the same list. Before and after are marked up as <del>/<ins> with
 * words for screen readers (which announce neither element).
 */
export function ChangeList({ changes, emptyText = 'No changes.' }: { changes: PassChanges; emptyText?: string }) {
  if (changes.sections.length === 0) return <p className="text-sm text-ink-muted">{emptyText}</p>;
  return (
    <div className="space-y-4">
      {changes.sections.map((section) => (
        <section key={section.id} aria-labelledby={`changes-${section.id}`}>
          <h4 id={`changes-${section.id}`} className="text-xs font-semibold tracking-wide text-ink-muted uppercase">
            {section.title}
          </h4>
          <ul className="mt-1.5 divide-y divide-surface-border rounded-lg border border-surface-border">
            {section.changes.map((change) => (
              <li key={change.id} className="px-3 py-2">
                <ChangeItem change={change} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function ChangeItem({ change }: { change: Change }) {
  if (change.type === 'value') return <ValueItem change={change} />;
  if (change.type === 'image') return <ImageItem change={change} />;
  return <RowItem change={change} />;
}

const Empty = () => <em className="text-ink-subtle not-italic">(empty)</em>;

function ValueItem({ change }: { change: ValueChange }) {
  return (
    <div className="min-w-0 text-sm">
      <div className="font-medium text-ink">{change.label}</div>
      {change.diff ? (
        <p className="mt-0.5 break-words whitespace-pre-wrap text-ink-muted">
          <span className="sr-only">Text with removed and added words marked: </span>
          {change.diff.map((part, i) =>
            part.kind === 'same' ? (
              <Fragment key={i}>{part.text}</Fragment>
            ) : part.kind === 'removed' ? (
              <del key={i} className="rounded-sm bg-danger-50 text-danger-700">
                <span className="sr-only">[removed: </span>
                {part.text}
                <span className="sr-only">]</span>
              </del>
            ) : (
              <ins key={i} className="rounded-sm bg-success-50 text-success-700 no-underline">
                <span className="sr-only">[added: </span>
                {part.text}
                <span className="sr-only">]</span>
              </ins>
            ),
          )}
        </p>
      ) : (
        <p className="mt-0.5 flex min-w-0 flex-wrap items-baseline gap-x-2 gap-y-0.5">
          <span className="sr-only">Before: </span>
          <del className="min-w-0 break-words text-ink-muted decoration-danger-600/60">
            {change.before === '' ? <Empty /> : change.before}
          </del>
          <span aria-hidden="true" className="text-ink-subtle">
            →
          </span>
          <span className="sr-only">, after: </span>
          <ins className="min-w-0 font-medium break-words text-ink no-underline">
            {change.after === '' ? <Empty /> : change.after}
          </ins>
        </p>
      )}
    </div>
  );
}

function rowBadge(row: RowChange): string {
  const move = row.moved ? `moved from ${row.from} to ${row.to}` : '';
  if (row.kind === 'added') return `Added as ${row.to}`;
  if (row.kind === 'removed') return 'Removed';
  if (row.kind === 'moved') return `Moved from ${row.from} to ${row.to}`;
  return move ? `Edited, ${move}` : 'Edited';
}

const BADGE_TONES: Record<RowChange['kind'], string> = {
  added: 'bg-success-50 text-success-700',
  removed: 'bg-danger-50 text-danger-700',
  moved: 'bg-brand-50 text-brand-700',
  changed: 'bg-surface-sunken text-ink-muted',
};

function RowItem({ change }: { change: RowChange }) {
  return (
    <div className="min-w-0 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="min-w-0 font-medium break-words text-ink">{change.label}</span>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${BADGE_TONES[change.kind]}`}>
          {rowBadge(change)}
        </span>
      </div>
      {change.changes.length > 0 || change.rows.length > 0 ? (
        <ul className="mt-1.5 space-y-1.5 border-l-2 border-surface-border pl-3">
          {change.changes.map((value) => (
            <li key={value.id}>
              <ValueItem change={value} />
            </li>
          ))}
          {change.rows.map((row) => (
            <li key={row.id}>
              <RowItem change={row} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Thumb({ url, label }: { url: string | null; label: string }) {
  return (
    <figure className="flex min-w-0 flex-col items-start gap-1">
      {url ? (
        <img
          src={url}
          alt={label}
          className="h-16 max-w-[9rem] rounded border border-surface-border bg-[repeating-conic-gradient(#eee_0_25%,#fff_0_50%)] bg-[length:12px_12px] object-contain"
        />
      ) : (
        <span className="flex h-16 w-24 items-center justify-center rounded border border-dashed border-surface-strong text-xs text-ink-subtle">
          None
        </span>
      )}
      <figcaption className="text-xs text-ink-muted">{label.endsWith('before') ? 'Before' : 'After'}</figcaption>
    </figure>
  );
}

function ImageItem({ change }: { change: ImageChange }) {
  const word = { added: 'Added', removed: 'Removed', replaced: 'Replaced' }[change.kind];
  return (
    <div className="text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-ink">{change.label}</span>
        <span className="rounded-full bg-surface-sunken px-2 py-0.5 text-xs font-medium text-ink-muted">{word}</span>
      </div>
      <div className="mt-1.5 flex items-center gap-3">
        <Thumb url={change.before} label={`${change.label} before`} />
        <span aria-hidden="true" className="text-ink-subtle">
          →
        </span>
        <Thumb url={change.after} label={`${change.label} after`} />
      </div>
    </div>
  );
}
