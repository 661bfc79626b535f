/**
 * How much of a text fits on one line where the wallets cut it with an ellipsis. Widths are the
 * previews' own (a 320 px card, Apple's 375 pt grid scaled by 320/375), font sizes the ones they
 * draw with; character widths are averages of the system fonts (SF Pro, Roboto/Google Sans), so
 * the answer is an estimate ("about"), good enough to say that, and roughly how much, is cut.
 */

/** Average advance of a character as a share of the font size. */
function charWidth(char: string): number {
  if (char === ' ') return 0.28;
  if (/[iljIt.,:;'|!]/.test(char)) return 0.28;
  if (/[mwMW@%]/.test(char)) return 0.85;
  if (/[A-Z0-9#&]/.test(char)) return 0.64;
  return 0.52;
}

export interface TextSlot {
  /** Width of the line in CSS px of the 320 px preview. */
  width: number;
  /** Font size in px. */
  font: number;
  /** Drawn in capitals (Apple's labels), which are wider. */
  upper?: boolean;
}

/** Where the previews cut text, as drawn at 320 px. */
export const TEXT_SLOTS = {
  /** Apple's header field (top right; at most 48 % of the band). */
  appleHeaderValue: { width: 142, font: 19 },
  appleHeaderLabel: { width: 142, font: 9.5, upper: true },
  /** Google's header (big title) across the card. */
  googleHeader: { width: 288, font: 26 },
  /** Google's card title beside the logo circle. */
  googleCardTitle: { width: 240, font: 15 },
} satisfies Record<string, TextSlot>;

/** One field of a row of `count` fields sharing `row` px with `gap` px between them. */
export const rowSlot = (row: number, gap: number, count: number, font: number, upper = false): TextSlot => ({
  width: (row - gap * (count - 1)) / Math.max(1, count),
  font,
  upper,
});

/** Apple's row of secondary fields under the strip (up to 4). */
export const appleSecondaryValue = (count: number) => rowSlot(296, 14, count, 15);
/** Google's card rows (up to 3 per row). */
export const googleRowValue = (count: number) => rowSlot(288, 12, count, 15);

/**
 * Characters of `text` that fit on the line and how many are cut (the ellipsis takes the room
 * of about one character). `cut` is 0 when it all fits.
 */
export function fitText(text: string, slot: TextSlot): { shown: number; cut: number; total: number } {
  const chars = [...(slot.upper ? text.toUpperCase() : text)];
  let used = 0;
  let shown = 0;
  for (const char of chars) {
    used += charWidth(char) * slot.font;
    if (used > slot.width) break;
    shown++;
  }
  if (shown === chars.length) return { shown, cut: 0, total: chars.length };
  // Room for the ellipsis.
  const visible = Math.max(0, shown - 1);
  return { shown: visible, cut: chars.length - visible, total: chars.length };
}
