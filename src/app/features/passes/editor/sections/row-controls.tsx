import type { MouseEvent, ReactNode } from 'react';
import { Button } from '../../../../components/ui/button';
import { cx } from '../../../../lib/cx';

/**
 * Where focus goes once a row moved or went: the moved row's same arrow (the other one when it
 * reached an end), else the row that took the removed one's place (or the one before it), else
 * the list's own add button or its section's. Runs after React re-rendered the list.
 */
function focusAfterChange(event: MouseEvent<HTMLButtonElement>, index: number, move?: 'up' | 'down') {
  const list = event.currentTarget.closest('fieldset[data-row]')?.parentElement;
  if (!list) return;
  requestAnimationFrame(() => {
    const rows = list.querySelectorAll<HTMLElement>(':scope > fieldset[data-row]');
    const row = rows[Math.min(index, rows.length - 1)];
    if (move && row) {
      const same = row.querySelector<HTMLButtonElement>(`[data-move="${move}"]`);
      const other = row.querySelector<HTMLButtonElement>(`[data-move="${move === 'up' ? 'down' : 'up'}"]`);
      (same && !same.disabled ? same : other)?.focus();
    } else if (row) {
      row.focus();
    } else {
      const add =
        list.querySelector<HTMLElement>(':scope > button') ??
        list.closest('section')?.querySelector<HTMLElement>('button:not(:disabled)');
      add?.focus();
    }
  });
}

/** Move up / move down / remove for one row of a list, usable from the keyboard. */
function RowControls({
  what,
  index,
  count,
  onMove,
  onRemove,
}: {
  what: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}) {
  return (
    <div className="flex items-center gap-1">
      <Button
        size="sm"
        variant="ghost"
        disabled={index === 0}
        data-move="up"
        onClick={(event) => {
          focusAfterChange(event, index - 1, 'up');
          onMove(index, index - 1);
        }}
        aria-label={`Move ${what} up`}
      >
        ↑
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={index === count - 1}
        data-move="down"
        onClick={(event) => {
          focusAfterChange(event, index + 1, 'down');
          onMove(index, index + 1);
        }}
        aria-label={`Move ${what} down`}
      >
        ↓
      </Button>
      <Button
        size="sm"
        variant="ghost"
        className="text-danger-700"
        onClick={(event) => {
          focusAfterChange(event, index);
          onRemove(index);
        }}
        aria-label={`Remove ${what}`}
      >
        Remove
      </Button>
    </div>
  );
}

/** A key not yet used by any field of the pass (top, secondary or back): `field3`, `back4`… */
export function nextFieldKey(
  prefix: string,
  meta: {
    topField?: { key?: string | null } | null;
    secondaryFields?: readonly { key?: string | null }[] | null;
    backFields?: readonly { key?: string | null }[] | null;
  },
): string {
  const used = [
    meta.topField?.key,
    ...(meta.secondaryFields ?? []).map((f) => f.key),
    ...(meta.backFields ?? []).map((f) => f.key),
  ];
  const taken = new Set(used);
  let n = used.length + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/**
 * One row of a repeated list: a fieldset named by its legend ("Secondary field 2"), with the
 * row's move and remove buttons beside the legend and the row's inputs below.
 */
export function RowFieldset({
  legend,
  what,
  index,
  count,
  onMove,
  onRemove,
  className,
  strong = true,
  children,
}: {
  legend: string;
  what: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  className: string;
  strong?: boolean;
  children: ReactNode;
}) {
  return (
    // Focusable from script only: after a row is removed, focus lands on the row taking its place.
    <fieldset data-row tabIndex={-1} className={className}>
      <legend className={cx('float-left text-sm leading-8 text-ink', strong ? 'font-semibold' : 'font-medium')}>
        {legend}
      </legend>
      <div className="float-right mb-2">
        <RowControls what={what} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </div>
      <div className="clear-both">{children}</div>
    </fieldset>
  );
}

/**
 * The rows of a field list (secondary fields, back fields): an empty note, then one bordered
 * fieldset per row named "Secondary field 2" and so on. `children` renders a row's inputs.
 */
export function FieldRows({
  fields,
  noun,
  onMove,
  onRemove,
  children,
}: {
  fields: readonly { id: string }[];
  /** "Secondary field", "Back field". */
  noun: string;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  children: (index: number) => ReactNode;
}) {
  return (
    <>
      {fields.length === 0 ? <p className="text-sm text-ink-subtle">No {noun.toLowerCase()}s yet.</p> : null}
      <div className="space-y-4">
        {fields.map((field, index) => (
          <RowFieldset
            key={field.id}
            className="rounded-lg border border-surface-border p-4"
            legend={`${noun} ${index + 1}`}
            what={`${noun.toLowerCase()} ${index + 1}`}
            index={index}
            count={fields.length}
            onMove={onMove}
            onRemove={onRemove}
          >
            {children(index)}
          </RowFieldset>
        ))}
      </div>
    </>
  );
}
