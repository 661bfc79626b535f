/**
 * Word-level difference of two texts, for long values (a description, a QR link) where a plain
 * before → after would hide a one-word edit in a paragraph.
 */
export interface TextDiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Above this many words on either side the texts are shown as replaced (the table is n × m). */
const MAX_TOKENS = 800;

// A word with the spaces after it: spaces alone never anchor a match between two texts.
const tokenise = (text: string) => text.match(/\s+|\S+\s*/g) ?? [];

/** Below this share of the shorter text kept, a word diff is noise: the text reads as replaced. */
const MIN_KEPT = 0.4;

export function diffText(before: string, after: string): TextDiffPart[] {
  const a = tokenise(before);
  const b = tokenise(after);
  const replaced = () =>
    merge([
      ...(before ? [{ kind: 'removed' as const, text: before }] : []),
      ...(after ? [{ kind: 'added' as const, text: after }] : []),
    ]);
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) return replaced();
  // Longest common subsequence, filled from the end so the walk below reads front to back.
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  if (table[0]! < MIN_KEPT * Math.min(a.length, b.length)) return replaced();
  const parts: TextDiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      parts.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
      parts.push({ kind: 'removed', text: a[i++]! });
    } else {
      parts.push({ kind: 'added', text: b[j++]! });
    }
  }
  while (i < a.length) parts.push({ kind: 'removed', text: a[i++]! });
  while (j < b.length) parts.push({ kind: 'added', text: b[j++]! });
  return merge(parts);
}

/** Neighbours of one kind become one part; whitespace between two changes joins them. */
function merge(parts: TextDiffPart[]): TextDiffPart[] {
  const out: TextDiffPart[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

/** Long or multi-line values get a word diff; short ones read better as before → after. */
export const isLongText = (before: string, after: string) =>
  Math.max(before.length, after.length) > 60 || before.includes('\n') || after.includes('\n');
