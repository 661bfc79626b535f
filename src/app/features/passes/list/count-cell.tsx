import { LiveCount } from './live-count';

/** Total with its Apple / Google split, e.g. the issued counts of one pass. */
export function CountCell({
  total,
  apple,
  google,
  what,
}: {
  total: number | null | undefined;
  apple: number | null | undefined;
  google: number | null | undefined;
  what: string;
}) {
  return (
    <div className="text-right">
      <div className="text-sm font-semibold text-ink">
        <span className="sr-only">{what} total </span>
        <LiveCount value={total ?? (apple ?? 0) + (google ?? 0)} />
      </div>
      <div className="text-xs whitespace-nowrap text-ink-subtle">
        <span title="Apple Wallet">
          Apple <LiveCount value={apple} />
        </span>
        <span aria-hidden="true"> · </span>
        <span title="Google Wallet">
          Google <LiveCount value={google} />
        </span>
      </div>
    </div>
  );
}
