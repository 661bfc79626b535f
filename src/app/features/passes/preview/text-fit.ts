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

/** Width of `text` on one line, in px, by the average character widths above. */
export function textWidth(text: string, font: number, upper = false): number {
  let width = 0;
  for (const char of upper ? text.toUpperCase() : text) width += charWidth(char) * font;
  return width;
}

/**
 * How a row of fields shares its width, as the previews lay it out (grid tracks of
 * `minmax(0, max-content)`): every field grows equally up to its own content width, so short
 * fields stay whole and the long ones share what is left.
 */
export function shareRow(contents: readonly number[], row: number, gap: number): number[] {
  let available = row - gap * Math.max(0, contents.length - 1);
  const widths = contents.map(() => 0);
  let open = contents.map((_, i) => i);
  while (open.length > 0) {
    const share = available / open.length;
    const fits = open.filter((i) => contents[i]! <= share);
    if (fits.length === 0) {
      for (const i of open) widths[i] = share;
      break;
    }
    for (const i of fits) {
      widths[i] = contents[i]!;
      available -= contents[i]!;
    }
    open = open.filter((i) => !fits.includes(i));
  }
  return widths;
}

export interface RowField {
  label: string;
  value: string;
}

/** A row's geometry: width, gap, and the fonts of its labels and values. */
export const APPLE_SECONDARY_ROW = { row: 296, gap: 14, label: 9.5, labelUpper: true, value: 15 };
export const GOOGLE_CARD_ROW = { row: 288, gap: 12, label: 11, labelUpper: false, value: 15 };

/** The line each field's value gets in its row. */
export function rowValueSlots(fields: readonly RowField[], geometry: typeof APPLE_SECONDARY_ROW): TextSlot[] {
  const contents = fields.map((field) =>
    Math.max(textWidth(field.label, geometry.label, geometry.labelUpper), textWidth(field.value, geometry.value)),
  );
  return shareRow(contents, geometry.row, geometry.gap).map((width) => ({ width, font: geometry.value }));
}

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
