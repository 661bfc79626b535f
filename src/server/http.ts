/** Request and response helpers shared by the routes: JSON bodies, validation, error responses. */
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { issuesToContext } from '../contract/errors';
import { ERROR_CODES } from '../contract/schemas';
import { ID_PATTERN } from '../contract/rules';
import type { AppEnv } from './app-env';
import { ApiError, errorBody, invalidInput, notFound } from './errors';
import { isObject } from './store/documents';
import type { JsonObject } from './store/documents';

export function errorResponse(c: Context<AppEnv>, error: ApiError): Response {
  return c.json(
    errorBody(c.get('txId') ?? '', error.errorCode, error.message, error.context),
    error.status,
    error.headers,
  );
}

/**
 * Deepest nesting of objects and arrays a body may have. Requests nest about six levels; the
 * limit keeps deeply nested bodies (which parse, but overflow the stack when written back out)
 * from ever reaching validation, storage or serialisation.
 */
export const MAX_JSON_DEPTH = 64;

/** True when valid JSON `text` nests objects/arrays deeper than `max`; scans without recursion. */
export function jsonDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      // A backslash escapes the next character; a quote ends the string.
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) {
      inString = true;
    } else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > max) return true;
    } else if (ch === 0x7d || ch === 0x5d) {
      depth--;
    }
  }
  return false;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const LENIENT_UTF8 = new TextDecoder('utf-8');
/** A high surrogate without its low half, or a low one without its high half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Field paths reported for text that cannot be stored as sent (the first ones are enough to act on). */
const MAX_TEXT_PROBLEMS = 20;

/**
 * The body as a JSON object; malformed JSON, too-deep nesting and non-objects are 400s, never
 * 500s. Nothing is stored other than as sent: bytes that are not UTF-8 (which decoding would turn
 * into U+FFFD), lone surrogates (which become U+FFFD on the way out) and numbers that overflow to
 * Infinity (which JSON stores as null) are refused at their field path.
 */
export async function readJsonObject(c: Context<AppEnv>): Promise<JsonObject> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  let text: string;
  let invalidUtf8 = false;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    text = LENIENT_UTF8.decode(bytes);
    invalidUtf8 = true;
  }
  if (text.trim() === '') throw invalidInput({ body: 'A JSON object is required' });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidInput({ body: invalidUtf8 ? 'The body is not valid UTF-8' : 'The body is not valid JSON' });
  }
  if (!isObject(value)) throw invalidInput({ body: 'The body must be a JSON object' });
  if (jsonDeeperThan(text, MAX_JSON_DEPTH)) {
    throw invalidInput({ body: `The body may nest objects and arrays at most ${MAX_JSON_DEPTH} levels deep` });
  }
  const problems: Record<string, string> = {};
  findTextProblems(value, '', invalidUtf8, problems);
  if (invalidUtf8 && Object.keys(problems).length === 0) problems.body = 'The body is not valid UTF-8';
  if (Object.keys(problems).length > 0) throw invalidInput(problems);
  return value;
}

/** Walks a parsed body (depth already bounded) collecting what could not be stored as sent. */
function findTextProblems(value: unknown, path: string, invalidUtf8: boolean, out: Record<string, string>): void {
  if (Object.keys(out).length >= MAX_TEXT_PROBLEMS) return;
  const at = path === '' ? 'body' : path;
  if (typeof value === 'string') {
    const problem = textProblem(value, invalidUtf8);
    if (problem) out[at] = problem;
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) out[at] = 'This number is too large: it would be stored as null';
  } else if (Array.isArray(value)) {
    value.forEach((item, index) =>
      findTextProblems(item, path === '' ? String(index) : `${path}.${index}`, invalidUtf8, out),
    );
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const itemPath = path === '' ? key : `${path}.${key}`;
      const keyProblem = textProblem(key, invalidUtf8);
      if (keyProblem) out[itemPath] = `This key: ${keyProblem.charAt(0).toLowerCase()}${keyProblem.slice(1)}`;
      else findTextProblems(item, itemPath, invalidUtf8, out);
    }
  }
}

function textProblem(text: string, invalidUtf8: boolean): string | undefined {
  if (LONE_SURROGATE.test(text))
    return 'Contains half of a surrogate pair (a lone \\uD800–\\uDFFF): send well-formed Unicode';
  // Decoding replaced the invalid bytes with U+FFFD: this is where they were.
  if (invalidUtf8 && text.includes('\uFFFD')) return 'Contains bytes that are not valid UTF-8';
  return undefined;
}

/** Parses with a contract schema; failures become one `context` entry per offending field path. */
export function parseWith<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(issuesToContext(result.error.issues));
  return result.data as z.infer<S>;
}

/** A path id; one that cannot be an id cannot name anything, so it is simply not found. */
export function pathId(c: Context<AppEnv>, name: string): string {
  const id = c.req.param(name) ?? '';
  if (!ID_PATTERN.test(id)) throw notFound({ id });
  return id;
}

/** The configured public origin (PUBLIC_URL), or a function giving it once the port is known. */
export type PublicOrigin = string | (() => string) | undefined;

/**
 * The origin links and image URLs are built on: the configured public URL. Without one (tests,
 * embedded uses) the origin the request came in on, whose Host the Host check has already
 * limited to known names.
 */
export function requestOrigin(c: Context<AppEnv>, fixed: PublicOrigin): string {
  const origin = typeof fixed === 'function' ? fixed() : fixed;
  if (origin) return origin;
  return new URL(c.req.url).origin;
}

/**
 * The last handler of a path: any method it does not support answers 405 with `Allow` (HTTP's
 * rule), so a client can tell a wrong method from a wrong path (404).
 */
export function methodNotAllowed(allow: readonly string[]): () => never {
  const header = allow.join(', ');
  return () => {
    throw new ApiError(
      405,
      ERROR_CODES.invalidOperation,
      `This path answers ${header} only.`,
      { allow: header },
      { Allow: header },
    );
  };
}

/** Query values as Hono collects them: every repetition of every key. */
export function scalarQuery(all: Record<string, string[]>, name: string): string | undefined {
  return all[name]?.[0];
}
