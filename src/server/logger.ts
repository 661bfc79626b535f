/**
 * Structured JSON lines on stdout (errors on stderr). Request lines carry method, path without
 * the query (queries can hold ids or search text a user would not want in logs), status,
 * duration and txId. Headers are logged only at debug level. Whatever is logged, at every level,
 * passes through one redaction: a header or field whose name says key, token, auth(orization),
 * secret, password, cookie or session is replaced by `[redacted]`, at any depth.
 */
import type { LogLevel } from './env';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
/** Names of headers and fields whose values are secrets (`api-key`, `x-api-key`, `X-Auth-Token`, …). */
const SECRET_NAME = /key|token|auth|secret|passw|cookie|session|credential/i;
const REDACTED = '[redacted]';
/** Deeper than anything the server logs; stops a cyclic or hostile structure. */
const MAX_REDACT_DEPTH = 8;

export interface Logger {
  readonly level: LogLevel;
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: LogLevel, write: (line: string, isError: boolean) => void = defaultWrite): Logger {
  const threshold = RANK[level];
  const log = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (RANK[lvl] < threshold) return;
    write(
      `${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...(fields ? redactFields(fields) : {}) })}\n`,
      RANK[lvl] >= RANK.error,
    );
  };
  return {
    level,
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
  };
}

function defaultWrite(line: string, isError: boolean): void {
  (isError ? process.stderr : process.stdout).write(line);
}

/** A copy of the headers safe to log: secrets replaced by `[redacted]`. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = SECRET_NAME.test(key) ? REDACTED : value;
  });
  return out;
}

/** A copy of log fields with every value under a secret-sounding name replaced, at any depth. */
export function redactFields(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields))
    out[name] = SECRET_NAME.test(name) ? REDACTED : redactValue(value, depth + 1);
  return out;
}

function redactValue(value: unknown, depth: number): unknown {
  if (depth > MAX_REDACT_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Headers) return redactHeaders(value);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return redactFields(value as Record<string, unknown>, depth);
  }
  return value;
}
