import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The shipped list of common passwords (common-passwords.txt, its source and licence in its header).
 * The build copies the file next to main.js (webpack.config.js `assets`); from source it sits next to
 * this file. Read once, on first use, into a Set of lower-case entries.
 */
let cached: ReadonlySet<string> | undefined;

export function commonPasswords(): ReadonlySet<string> {
  cached ??= new Set(
    readFileSync(join(__dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
  );
  return cached;
}

/**
 * True when the password, lower-cased, is on the list, or is a listed password with only digits and
 * punctuation added around it ("password12345!", "2024dragon2024dragon" is not caught).
 */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  if (list.has(lower)) return true;
  const core = lower.replace(/^[\d\W_]+/u, '').replace(/[\d\W_]+$/u, '');
  return core.length > 0 && core !== lower && list.has(core);
}
