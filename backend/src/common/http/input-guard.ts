/**
 * The one place every request's input passes before anything reads it (see docs/security.md,
 * "Input that cannot break the server"): a depth limit on the raw JSON before it is parsed, and a
 * walk over the parsed body and query that rejects text PostgreSQL cannot store (NUL, lone UTF-16
 * surrogates), numbers no field takes (1e300, 2e-323) and keys named after Object.prototype members
 * (`__proto__`, `constructor`, `toString` …).
 */

/** Deeper JSON than this is refused before JSON.parse, so nothing downstream recurses without bound. */
export const MAX_JSON_DEPTH = 32;

export const BAD_TEXT_MESSAGE = 'Indeholder ugyldige tegn (NUL-tegn eller ufuldstændige Unicode-tegn)';
export const BAD_KEY_MESSAGE = 'Feltnavnet er ikke tilladt';
export const BAD_NUMBER_MESSAGE = 'Ugyldigt tal';

/**
 * Whether a JSON number is one no field takes: beyond the safe integers, or so large or small that
 * JavaScript writes it with an exponent (class-validator's IsNumber then throws on `2e-323`).
 */
export function isBadNumber(n: number): boolean {
  return !Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER || /e/i.test(String(n));
}

/** Property names that would reach or shadow Object.prototype if merged into an object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
  'constructor',
  '__proto__',
]);

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether raw JSON nests objects/arrays deeper than `max` (a byte scan: strings skipped, no parse). */
export function jsonDepthExceeds(raw: Buffer | string, max = MAX_JSON_DEPTH): boolean {
  const buf = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}

/** A key fit to name in an answer: NUL and surrogates (paired or not) shown as `?`. */
function printable(key: string): string {
  return key
    .split('\u0000')
    .join('?')
    .replace(/[\uD800-\uDFFF]/g, '?');
}

/** Whether text holds a NUL or a lone surrogate (neither can be stored by PostgreSQL as text). */
export function isBadText(s: string): boolean {
  // isWellFormed (Node 20) is ~40× faster than the regex on a multi-megabyte base64 document.
  return s.includes('\u0000') || !(s as string & { isWellFormed(): boolean }).isWellFormed();
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * Walks parsed input and returns the fields (dotted paths, as the validation errors name them) that
 * hold bad text or forbidden keys, each with its Danish message. Empty when the input is clean.
 * Iterative, and bounded by `maxDepth`, so even input that skipped the raw depth scan cannot overflow.
 */
export function inspectInput(input: unknown, root = '', maxDepth = MAX_JSON_DEPTH): Record<string, string[]> {
  // A Map, not an object: the paths themselves may be `__proto__`.
  const fields = new Map<string, string[]>();
  const add = (path: string, message: string) => {
    const key = path || '(root)';
    const messages = fields.get(key) ?? [];
    if (!messages.includes(message)) fields.set(key, [...messages, message]);
  };
  const stack: Array<[unknown, string, number]> = [[input, root, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [value, path, depth] = item;
    if (typeof value === 'string') {
      if (isBadText(value)) add(path, BAD_TEXT_MESSAGE);
      continue;
    }
    if (typeof value === 'number') {
      if (isBadNumber(value)) add(path, BAD_NUMBER_MESSAGE);
      continue;
    }
    if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) continue;
    if (depth >= maxDepth) {
      add(path, `Højst ${maxDepth} niveauer`);
      continue;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push([v, join(path, String(i)), depth + 1]));
      continue;
    }
    for (const key of Object.keys(value)) {
      const at = join(path, key);
      if (FORBIDDEN_KEYS.has(key)) add(at, BAD_KEY_MESSAGE);
      else if (isBadText(key)) add(join(path, printable(key)), BAD_TEXT_MESSAGE);
      else stack.push([(value as Record<string, unknown>)[key], at, depth + 1]);
    }
  }
  return Object.fromEntries(fields); // own data properties, `__proto__` included
}

/** The error a body parser's `verify` step throws for JSON nested too deep (mapped to 400 JSON_TOO_DEEP). */
export class JsonTooDeepError extends Error {
  readonly type = 'entity.too.deep';
  readonly status = 400;
  constructor() {
    super('JSON nested too deep');
  }
}

/** body-parser `verify`: refuses too-deep JSON before it is parsed. */
export function verifyJsonDepth(_req: unknown, _res: unknown, buf: Buffer): void {
  if (jsonDepthExceeds(buf)) throw new JsonTooDeepError();
}

/** Malformed JSON, kept apart from SyntaxError (which Nest turns into a bare 400 BAD_REQUEST): 400 BAD_JSON. */
export class BadJsonError extends Error {
  readonly type = 'entity.parse.failed';
  readonly status = 400;
  constructor() {
    super('Malformed JSON');
  }
}

/** Express error middleware after the JSON parser: its parse failures become BadJsonError (no parser message). */
export function badJsonMapper(err: unknown, _req: unknown, _res: unknown, next: (err?: unknown) => void): void {
  next((err as { type?: string } | null)?.type === 'entity.parse.failed' ? new BadJsonError() : err);
}
