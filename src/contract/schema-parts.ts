/**
 * Building blocks of the contract's schemas: tolerant readers of optional values and the strict
 * text and format checks the input schemas share.
 */
import * as z from 'zod/mini';
import { MAX_TEXT } from './wallet-rules';

export const text = () => z.nullish(z.string());
export const count = () => z.nullish(z.number());

/** An optional string that, when present and non-empty, must satisfy `check`. */
export function optionalFormatted(message: string, check: (value: string) => boolean) {
  return z.nullish(z.string().check(z.refine((v) => v === '' || check(v), message)));
}

export function requiredText(what: string, max = MAX_TEXT) {
  return z.string({ error: `${what} is required` }).check(
    z.refine((v) => v.trim().length > 0, `${what} is required`),
    z.maxLength(max, `${what} must be at most ${max} characters`),
  );
}

export function optionalText(what: string, max: number) {
  return z.nullish(z.string().check(z.maxLength(max, `${what} must be at most ${max} characters`)));
}

export const LINK_MESSAGE = 'Use an https:, http:, mailto: or tel: link';
export const COLOR_MESSAGE = 'Use a colour written as #RRGGBB, for example #1A2B3C';

/** Fields every stored entity carries; all read-only. */
export const entityShape = {
  id: z.optional(z.string()),
  createdTime: text(),
  updatedTime: text(),
  createdBy: text(),
  updatedBy: text(),
  workspaceId: text(),
};
