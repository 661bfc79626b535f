import type { WalletPass } from '../../../../contract/schemas';
import { LiveCount } from './live-count';

function sum(passes: WalletPass[], pick: (p: WalletPass) => number | null | undefined): number {
  return passes.reduce((total, pass) => total + (pick(pass) ?? 0), 0);
}

/** Totals of the passes loaded so far; says so when more pages exist. */
export function SummaryBar({ passes, hasMore }: { passes: WalletPass[]; hasMore: boolean }) {
  const stats = [
    { label: 'Passes', value: passes.length, hint: hasMore ? 'loaded so far' : undefined },
    { label: 'Published', value: passes.filter((p) => p.status === 'Published').length },
    {
      label: 'Issued',
      value: sum(passes, (p) => p.totalIssuedCount),
      apple: sum(passes, (p) => p.appleIssuedCount),
      google: sum(passes, (p) => p.googleIssuedCount),
    },
    {
      label: 'Active',
      value: sum(passes, (p) => p.totalActiveCount),
      apple: sum(passes, (p) => p.appleActiveCount),
      google: sum(passes, (p) => p.googleActiveCount),
    },
  ];
  return (
    <section aria-label="Workspace totals" className="mt-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
      {stats.map((stat) => (
        <div
          key={stat.label}
          role="group"
          aria-labelledby={`summary-${stat.label}`}
          className="rounded-card border border-surface-border bg-surface px-4 py-3 shadow-card"
        >
          <p id={`summary-${stat.label}`} className="text-xs font-medium tracking-wide text-ink-muted uppercase">
            {stat.label}
          </p>
          <p className="mt-1 text-2xl font-semibold text-ink">
            <LiveCount value={stat.value} />
            {stat.hint ? <span className="ml-2 text-xs font-normal text-ink-subtle">{stat.hint}</span> : null}
          </p>
          {'apple' in stat ? (
            <p className="text-xs text-ink-subtle">
              Apple <LiveCount value={stat.apple} /> · Google <LiveCount value={stat.google} />
            </p>
          ) : null}
        </div>
      ))}
    </section>
  );
}
