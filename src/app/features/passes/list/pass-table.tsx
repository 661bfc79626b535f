import { type CSSProperties, type FocusEvent, type RefObject, useEffect, useRef, useState } from 'react';
import type { WalletPass } from '../../../../contract/schemas';
import { PASS_ROW_HEIGHT, PassRow } from './pass-row';
import { useWindowRows } from './use-window-rows';

/** Rows rendered beyond each edge of the screen, so a short scroll shows rows at once. */
const OVERSCAN = 4;

const COLUMNS = [
  { label: 'Select', className: 'w-0 pl-4', hidden: true },
  { label: 'Pass', className: '' },
  { label: 'Status', className: '' },
  { label: 'Issued', className: 'text-right' },
  { label: 'Active', className: 'text-right' },
  { label: 'Updated', className: '' },
  { label: 'Actions', className: '', hidden: true },
] as const;

/**
 * The passes as a table whose body renders only the rows on screen (plus a few either side), in
 * the page's own scroll: 20 or 5,000 loaded passes cost the same to render, scroll and extend.
 *
 * For assistive technology it stays one table: `aria-rowcount` counts every loaded row and each
 * rendered row has its `aria-rowindex`; spacer rows (hidden) stand for the rows not rendered, so
 * the scroll height and position are those of the whole list. A row holding keyboard focus stays
 * rendered when it scrolls away, so focus is never dropped to the page. Columns take the width
 * of what the rendered rows show (names are cut to one line, so rows differ little).
 */
export function PassTable({
  passes,
  workspaceId,
  onDuplicate,
  onDelete,
  onPreview,
  visibleIdsRef,
  selected,
  onSelect,
}: {
  passes: WalletPass[];
  workspaceId: string;
  onDuplicate: (pass: WalletPass) => void;
  onDelete: (pass: WalletPass) => void;
  onPreview: (pass: WalletPass) => void;
  /** Filled with the ids of the rows on screen (read by the count refresh, no re-render). */
  visibleIdsRef: RefObject<string[]>;
  /** The passes chosen for a bulk action, by id. */
  selected: ReadonlyMap<string, WalletPass>;
  onSelect: (passes: WalletPass[], selected: boolean) => void;
}) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [focusedIndex, setFocusedIndex] = useState<number | null>(null);
  const { first, last, firstVisible, lastVisible } = useWindowRows(bodyRef, passes.length, PASS_ROW_HEIGHT, OVERSCAN);

  useEffect(() => {
    visibleIdsRef.current = passes.slice(firstVisible, lastVisible + 1).map((p) => p.id);
  }, [passes, firstVisible, lastVisible, visibleIdsRef]);

  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const row = (event.target as Element).closest<HTMLElement>('tr[data-index]');
    if (row) setFocusedIndex(Number(row.dataset.index));
  };
  const onBlur = (event: FocusEvent<HTMLTableSectionElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedIndex(null);
  };

  const indexes: number[] = [];
  const kept = focusedIndex !== null && focusedIndex < passes.length ? focusedIndex : null;
  if (kept !== null && kept < first) indexes.push(kept);
  for (let i = first; i <= last; i++) indexes.push(i);
  if (kept !== null && kept > last) indexes.push(kept);

  const rows = [];
  let next = 0;
  for (const index of indexes) {
    const pass = passes[index];
    if (!pass) continue;
    if (index > next) rows.push(<Spacer key={`gap-${index}`} rows={index - next} />);
    rows.push(
      <PassRow
        key={pass.id}
        index={index}
        pass={pass}
        workspaceId={workspaceId}
        onDuplicate={onDuplicate}
        onDelete={onDelete}
        onPreview={onPreview}
        selected={selected.has(pass.id)}
        onSelect={onSelect}
      />,
    );
    next = index + 1;
  }
  if (passes.length > next) rows.push(<Spacer key="gap-end" rows={passes.length - next} />);

  return (
    // Positioned, so the visually hidden header text stays inside this box (not widening the page).
    <div className="relative overflow-x-auto rounded-card border border-surface-border bg-surface shadow-card">
      {/* Cards below md (pass-cards.css). */}
      <table aria-rowcount={passes.length + 1} className="pass-list w-full min-w-[880px] border-collapse text-left">
        <caption className="sr-only">Passes with their status and install counts</caption>
        <thead className="border-b border-surface-border bg-surface-sunken text-xs font-medium tracking-wide text-ink-muted uppercase">
          <tr aria-rowindex={1}>
            {COLUMNS.map((column, i) => (
              <th key={column.label} scope="col" className={`px-4 py-3 ${column.className}`}>
                {i === 0 ? (
                  <input
                    type="checkbox"
                    aria-label="Select all loaded passes"
                    checked={passes.length > 0 && passes.every((p) => selected.has(p.id))}
                    ref={(box) => {
                      // Some loaded passes chosen: the box reads "mixed".
                      if (box) box.indeterminate = !box.checked && passes.some((p) => selected.has(p.id));
                    }}
                    onChange={(event) => onSelect(passes, event.target.checked)}
                    className="block size-4 accent-brand-600"
                  />
                ) : 'hidden' in column ? (
                  <span className="sr-only">{column.label}</span>
                ) : (
                  column.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={bodyRef} onFocus={onFocus} onBlur={onBlur}>
          {rows}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Stands for rows not rendered: keeps the table's height (rows × the layout's row height, in
 * pass-cards.css), hidden from assistive technology.
 */
function Spacer({ rows }: { rows: number }) {
  return <tr aria-hidden="true" style={{ '--rows': rows } as CSSProperties} />;
}
