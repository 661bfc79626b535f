/**
 * Pairs the rows of two versions of a list (secondary fields, back fields, links, locations) so
 * a change reads as "added", "removed", "moved" or "changed" rather than as a shifted list.
 */
export interface RowPair<T> {
  before: { row: T; index: number } | null;
  after: { row: T; index: number } | null;
  /** Matched rows whose order relative to the other matched rows changed. */
  moved: boolean;
}

/**
 * `identity` names a row for exact matching (a field key, a location id); rows left over are
 * paired when `similar` says they are the same row edited (a renamed key, a changed link).
 */
export function matchRows<T>(
  before: readonly T[],
  after: readonly T[],
  identity: (row: T) => string | null,
  similar: (a: T, b: T) => boolean,
): RowPair<T>[] {
  const afterByIdentity = new Map<string, number>();
  after.forEach((row, index) => {
    const id = identity(row);
    if (id !== null && !afterByIdentity.has(id)) afterByIdentity.set(id, index);
  });
  const pairedAfter = new Map<number, number>(); // after index → before index
  const pairedBefore = new Map<number, number>();
  before.forEach((row, index) => {
    const id = identity(row);
    const target = id === null ? undefined : afterByIdentity.get(id);
    if (target !== undefined && !pairedAfter.has(target)) {
      pairedAfter.set(target, index);
      pairedBefore.set(index, target);
    }
  });
  before.forEach((row, index) => {
    if (pairedBefore.has(index)) return;
    const target = after.findIndex((candidate, j) => !pairedAfter.has(j) && similar(row, candidate));
    if (target >= 0) {
      pairedAfter.set(target, index);
      pairedBefore.set(index, target);
    }
  });

  const stay = stayingInPlace([...pairedBefore.entries()].sort((x, y) => x[0] - y[0]));
  const pairs: RowPair<T>[] = [];
  after.forEach((row, index) => {
    const from = pairedAfter.get(index);
    pairs.push({
      before: from === undefined ? null : { row: before[from]!, index: from },
      after: { row, index },
      moved: from !== undefined && !stay.has(index),
    });
  });
  before.forEach((row, index) => {
    if (!pairedBefore.has(index)) {
      // A removed row is listed where it stood.
      const at = pairs.findIndex((p) => p.before !== null && p.before.index > index);
      const pair = { before: { row, index }, after: null, moved: false };
      if (at < 0) pairs.push(pair);
      else pairs.splice(at, 0, pair);
    }
  });
  return pairs;
}

/**
 * The matched rows that kept their relative order; every other matched row counts as moved. A
 * longest increasing subsequence of the new positions, and among equally long ones the rows
 * that kept their own place stay (after dragging one row up, that row moved, not its
 * neighbours). `moves` lists [old index, new index] by old index; lists are short (≤ 50).
 */
function stayingInPlace(moves: readonly (readonly [number, number])[]): Set<number> {
  const score = (k: number) => 1000 - Math.abs(moves[k]![0] - moves[k]![1]);
  const best: number[] = [];
  const previous: number[] = [];
  moves.forEach(([, to], i) => {
    best[i] = score(i);
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      if (moves[j]![1] < to && best[j]! + score(i) > best[i]!) {
        best[i] = best[j]! + score(i);
        previous[i] = j;
      }
    }
  });
  const kept = new Set<number>();
  let i = best.length === 0 ? -1 : best.indexOf(Math.max(...best));
  while (i >= 0) {
    kept.add(moves[i]![1]);
    i = previous[i]!;
  }
  return kept;
}
