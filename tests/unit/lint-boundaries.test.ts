import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js, proved on probe files that are linted from text (nothing is
 * written to disk): renderer → api ← db ← electron, web; nothing imports the renderer.
 */
let eslint: ESLint;

beforeAll(() => {
  // The probes exist only as text, so no TypeScript program holds them: the typed rules (no floating
  // promises) are off for them, the layer rules are what is under test.
  eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } }, rules: { '@typescript-eslint/no-floating-promises': 'off' } },
  });
});

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error('no lint result');
  expect(result.messages.filter((m) => m.fatal), 'the probe must parse').toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

async function allMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const probe = (specifier: string, name = 'x') => `import { ${name} } from '${specifier}';\nexport const probe = ${name};\n`;

describe('layer boundaries', () => {
  it('a renderer file importing db/ fails', async () => {
    expect(await restricted('renderer/probe.ts', probe('../db/store', 'openSqlite'))).toEqual([expect.stringMatching(/Go through the contract/)]);
    expect(await restricted('renderer/pages/probe.tsx', probe('../../db/dispatch', 'dispatch'))).not.toEqual([]);
  });

  it('the renderer may import the shared core (core/) and nothing of db/, and core/ imports nothing outside itself', async () => {
    expect(await restricted('renderer/probe.ts', probe('../core/calendar', 'addMonths'))).toEqual([]);
    expect(await restricted('renderer/pages/probe.ts', probe('../../core/legal-clock', 'computeDeadlines'))).toEqual([]);
    expect(await restricted('renderer/probe.ts', probe('../db/store', 'openStore'))).toEqual([expect.stringMatching(/Go through the contract/)]);
    expect(await restricted('core/calendar.ts', probe('./periods', 'rangeOf'))).toEqual([]);
    expect(await restricted('core/calendar.ts', probe('../api/views', 'x'))).toEqual([expect.stringMatching(/imports nothing outside itself/)]);
    expect(await restricted('core/calendar.ts', probe('node:util', 'format'))).toEqual([expect.stringMatching(/imports nothing outside itself/)]);
  });

  it('a renderer file importing Node fails', async () => {
    expect(await restricted('renderer/probe.ts', probe('node:fs', 'readFileSync'))).toEqual([expect.stringMatching(/no Node modules/)]);
    expect(await restricted('renderer/probe.ts', probe('fs', 'readFileSync'))).not.toEqual([]);
    expect(await restricted('renderer/probe.ts', probe('node:child_process', 'exec'))).not.toEqual([]);
  });

  it('a renderer file importing electron or SQLite fails', async () => {
    expect(await restricted('renderer/probe.ts', probe('electron', 'ipcRenderer'))).not.toEqual([]);
    expect(await restricted('renderer/probe.ts', `import Database from 'better-sqlite3-multiple-ciphers';\nexport const probe = Database;\n`)).not.toEqual([]);
  });

  it('an api file importing electron fails', async () => {
    expect(await restricted('api/probe.ts', probe('electron', 'app'))).toEqual([expect.stringMatching(/Only electron\/ may import Electron/)]);
  });

  it('an api file importing db/, Node or the renderer fails', async () => {
    expect(await restricted('api/probe.ts', probe('../db/store'))).not.toEqual([]);
    expect(await restricted('api/calls/probe.ts', probe('node:crypto', 'randomUUID'))).not.toEqual([]);
    expect(await restricted('api/probe.ts', probe('../renderer/x'))).not.toEqual([]);
    expect(await restricted('api/probe.ts', probe('react', 'useState'))).not.toEqual([]);
  });

  it('a db file importing electron fails', async () => {
    expect(await restricted('db/probe.ts', probe('electron', 'app'))).toEqual([expect.stringMatching(/never import Electron/)]);
    expect(await restricted('db/handlers/probe.ts', probe('electron/main', 'app'))).not.toEqual([]);
  });

  it('a db file importing the renderer or a host fails', async () => {
    expect(await restricted('db/probe.ts', probe('../renderer/x'))).toEqual([expect.stringMatching(/below the hosts and the interface/)]);
    expect(await restricted('db/handlers/probe.ts', probe('../../renderer/pages/x'))).not.toEqual([]);
    expect(await restricted('db/probe.ts', probe('../electron/main'))).not.toEqual([]);
    expect(await restricted('db/probe.ts', probe('../web/server'))).not.toEqual([]);
  });

  it('the hosts may not import the renderer', async () => {
    expect(await restricted('electron/probe.ts', probe('../renderer/app'))).not.toEqual([]);
    expect(await restricted('web/probe.ts', probe('../renderer/app'))).not.toEqual([]);
  });

  it('allowed directions pass cleanly', async () => {
    expect(await allMessages('renderer/probe.ts', probe('../core/fold', 'fold'))).toEqual([]);
    expect(await allMessages('renderer/pages/probe.tsx', probe('../../api/contract', 'contract'))).toEqual([]);
    expect(await allMessages('db/probe.ts', probe('../core/fold', 'fold'))).toEqual([]);
    expect(await allMessages('db/probe.ts', probe('node:fs', 'readFileSync'))).toEqual([]);
    expect(await allMessages('electron/probe.ts', probe('../db/backend', 'Backend'))).toEqual([]);
    expect(await allMessages('web/probe.ts', probe('../db/dispatch', 'dispatch'))).toEqual([]);
    expect(await allMessages('api/probe.ts', probe('zod', 'z'))).toEqual([]);
  });

  it('the real api/ and db/ folders pass their own rules', async () => {
    const results = await eslint.lintFiles(['api', 'db']);
    const problems = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}: ${m.message}`));
    expect(results.length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});
