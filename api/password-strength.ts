import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { vietnameseDictionaries } from './password-words-vi';

/**
 * The one rule for a new password, wherever it is typed (setup, users.create, users.resetPassword,
 * users.setActive, auth.changePassword) and in the forms that type it: at least 12 characters, not
 * the username or the user's own name, and strong enough by zxcvbn-ts fed with the common password
 * lists and the project's Vietnamese words (password-words-vi.ts). Diacritics are folded away before
 * the estimate ("Công an" is guessed as "congan"). See docs/security.md ("Passwords").
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
/**
 * zxcvbn's top score, 4: about 10^10 guesses or more. Score 3 let "Nguyen Van An 1990" and
 * "CongAnXa@123456" through (10^9 and 10^8); the keyring can be attacked offline, so the bar is high.
 */
export const PASSWORD_MIN_SCORE = 4;

/** i18n keys ("v.*") of the reasons a password is refused. */
export type PasswordProblem =
  | 'v.password_short'
  | 'v.too_long'
  | 'v.password_personal'
  | 'v.password_common'
  | 'v.password_repeat'
  | 'v.password_sequence'
  | 'v.password_keyboard'
  | 'v.password_date'
  | 'v.password_weak';

let estimator: ZxcvbnFactory | null = null;

function zxcvbn(): ZxcvbnFactory {
  // Built on first use: the dictionaries take a few tens of milliseconds to rank.
  estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary, ...vietnameseDictionaries }, graphs: adjacencyGraphs });
  return estimator;
}

/**
 * Builds the estimator now, so that the first check does not: the login calls it while the key
 * derivation runs on libuv's pool and the main thread has nothing else to do (db/handlers/auth.ts).
 */
export function preparePasswordRule(): void {
  zxcvbn();
}

/** Vietnamese letters without their marks, spaces and dots taken out, case kept: what a guesser tries. */
export function foldPassword(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[\s._-]+/g, '');
}

/**
 * Why this password may not be set, or null when it may. `personal` is what the estimator must not
 * find in it: the username and the user's full name (each word of it too).
 */
export function passwordProblem(password: string, personal: readonly string[] = []): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN) return 'v.password_short';
  if (password.length > PASSWORD_MAX) return 'v.too_long';
  const folded = foldPassword(password).toLowerCase();
  const names = personal.map((text) => foldPassword(text).toLowerCase()).filter((text) => text.length >= 3);
  if (names.some((name) => folded.includes(name))) return 'v.password_personal';
  const inputs = personal.flatMap((text) => foldPassword(text.replace(/[\s._-]+/g, ' ')).toLowerCase().split(/\s+/u)).filter((word) => word.length >= 2);
  const result = zxcvbn().check(foldPassword(password), inputs);
  return result.score >= PASSWORD_MIN_SCORE ? null : reason(result);
}

/** The pattern that covers most of the password names the reason shown to the user. */
function reason(result: ZxcvbnResult): PasswordProblem {
  const patterns = new Map<string, number>();
  for (const match of result.sequence) {
    const key = match.pattern === 'dictionary' && match.dictionaryName === 'userInputs' ? 'personal' : match.pattern;
    patterns.set(key, (patterns.get(key) ?? 0) + match.token.length);
  }
  patterns.delete('bruteforce');
  const [top] = [...patterns.entries()].sort((a, b) => b[1] - a[1]);
  switch (top?.[0]) {
    case 'personal':
      return 'v.password_personal';
    case 'dictionary':
      return 'v.password_common';
    case 'repeat':
      return 'v.password_repeat';
    case 'sequence':
      return 'v.password_sequence';
    case 'spatial':
      return 'v.password_keyboard';
    case 'date':
    case 'regex':
      return 'v.password_date';
    default:
      return 'v.password_weak';
  }
}
