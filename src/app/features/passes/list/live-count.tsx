import { useState } from 'react';
import { formatCount } from '../../../lib/format';

/**
 * A number that flashes briefly when it changes between renders (live counts). The previous value
 * is kept in state and compared during render, so no effect runs per count.
 */
export function LiveCount({ value, className }: { value: number | null | undefined; className?: string }) {
  const current = value ?? 0;
  const [previous, setPrevious] = useState(current);
  const [changes, setChanges] = useState(0);
  if (previous !== current) {
    setPrevious(current);
    setChanges((n) => n + 1);
  }
  return (
    <span
      key={changes}
      data-changed={changes > 0 ? 'true' : undefined}
      className={`${changes > 0 ? 'animate-flash' : ''} rounded px-0.5 tabular-nums ${className ?? ''}`}
    >
      {formatCount(current)}
    </span>
  );
}
