import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';

export type LogFunction = (message: string, error: unknown) => void;

/**
 * A packaged Windows app has no console, so the shell's and the backend's unexpected errors go to a
 * file in the user-data folder (and to stderr, for `npm start`). Lines carry developer text and
 * error stacks only; the interface never shows them.
 */
export function fileLogger(logFile: string): LogFunction {
  return (message, error) => {
    const line = `${new Date().toISOString()} ${message}${error === undefined || error === null ? '' : ` ${inspect(error, { depth: 4 })}`}\n`;
    console.error(line.trimEnd());
    try {
      mkdirSync(path.dirname(logFile), { recursive: true });
      appendFileSync(logFile, line, 'utf8');
    } catch {
      // A log that cannot be written must never take the app down with it.
    }
  };
}
