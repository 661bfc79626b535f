/**
 * Placeholders the size of what they stand for, so the page does not jump when passes arrive.
 */
const block = 'animate-pulse rounded bg-surface-border/60';

export function SummaryBarSkeleton() {
  return (
    <div aria-hidden="true" className="mt-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="h-[86px] rounded-card border border-surface-border bg-surface px-4 py-3 shadow-card">
          <div className={`${block} h-3 w-16`} />
          <div className={`${block} mt-3 h-6 w-20`} />
        </div>
      ))}
    </div>
  );
}

export function ListSkeleton() {
  return (
    <div className="overflow-hidden rounded-card border border-surface-border bg-surface shadow-card">
      <p role="status" className="sr-only">
        Loading passes…
      </p>
      <div aria-hidden="true">
        <div className="h-[41px] border-b border-surface-border bg-surface-sunken" />
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <div key={i} className="flex h-[65px] items-center gap-3 border-b border-surface-border px-4 last:border-b-0">
            <div className={`${block} h-10 w-16`} />
            <div className="flex-1">
              <div className={`${block} h-4 w-48`} />
              <div className={`${block} mt-2 h-3 w-28`} />
            </div>
            <div className={`${block} h-5 w-24`} />
            <div className={`${block} h-8 w-20`} />
          </div>
        ))}
      </div>
    </div>
  );
}
