import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The lint rules of eslint.config.js, proved on probe files linted from text (nothing is written into the
 * repository): each layer imports only the folders and packages its allow-list names, import cycles and
 * the hook rules fail, and a floating promise fails in the folders that ship.
 */
let eslint: ESLint;

beforeAll(() => {
  // The probes exist only as text, so no TypeScript program holds them: the typed rule (no floating
  // promises) is off for them; it has its own test below on a real file's path.
  eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } }, rules: { '@typescript-eslint/no-floating-promises': 'off' } },
  });
});

const layerRules = new Set(['no-restricted-imports', 'import-x/no-restricted-paths']);

/** The layer messages for a probe; the probe must parse and name a file that exists (zones resolve it). */
async function refused(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error('no lint result');
  expect(result.messages.filter((m) => m.fatal), 'the probe must parse').toEqual([]);
  return result.messages.filter((m) => m.ruleId !== null && layerRules.has(m.ruleId)).map((m) => m.message);
}

async function allMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const probe = (specifier: string, name = 'x') => `import { ${name} } from '${specifier}';\nexport const probe = ${name};\n`;
const onlyFolders = (layer: string) => [expect.stringMatching(new RegExp(`^Unexpected path .*${layer}/ may import only`))];
const onlyPackages = (layer: string) => [expect.stringMatching(new RegExp(`restricted from being used by a pattern\\. ${layer}/ may import `))];

describe('each layer imports only what its allow-list names', () => {
  it('core/ imports nothing outside itself', async () => {
    expect(await refused('core/probe.ts', probe('./periods', 'rangeOf'))).toEqual([]);
    expect(await refused('core/probe.ts', probe('../api/roles', 'roles'))).toEqual(onlyFolders('core'));
    expect(await refused('core/probe.ts', probe('../db/store', 'openSqlite'))).toEqual(onlyFolders('core'));
    expect(await refused('core/probe.ts', probe('node:util', 'format'))).toEqual(onlyPackages('core'));
    expect(await refused('core/probe.ts', probe('zod', 'z'))).toEqual(onlyPackages('core'));
  });

  it('api/ imports core/ and zod, never db/, a host, the renderer, Node, Electron or React', async () => {
    expect(await allMessages('api/probe.ts', probe('../core/fold', 'fold'))).toEqual([]);
    expect(await allMessages('api/calls/probe.ts', probe('zod', 'z'))).toEqual([]);
    expect(await refused('api/probe.ts', probe('../db/store', 'openSqlite'))).toEqual(onlyFolders('api'));
    expect(await refused('api/calls/probe.ts', probe('../../renderer/app', 'App'))).toEqual(onlyFolders('api'));
    expect(await refused('api/probe.ts', probe('../host/guards', 'mimeType'))).toEqual(onlyFolders('api'));
    expect(await refused('api/calls/probe.ts', probe('node:crypto', 'randomUUID'))).toEqual(onlyPackages('api'));
    expect(await refused('api/probe.ts', probe('electron', 'app'))).toEqual(onlyPackages('api'));
    expect(await refused('api/probe.ts', probe('react', 'useState'))).toEqual(onlyPackages('api'));
  });

  it('the renderer imports core/ and api/, never db/ (however deep the path), a host, Node, Electron or SQLite', async () => {
    expect(await allMessages('renderer/probe.ts', probe('../core/calendar', 'addMonths'))).toEqual([]);
    expect(await allMessages('renderer/pages/probe.tsx', probe('../../api/contract', 'contract'))).toEqual([]);
    expect(await allMessages('renderer/pages/probe.tsx', probe('react', 'useState'))).toEqual([]);
    expect(await refused('renderer/probe.ts', probe('../db/store', 'openSqlite'))).toEqual(onlyFolders('renderer'));
    expect(await refused('renderer/pages/register/probe.tsx', probe('../../../db/dispatch', 'dispatch'))).toEqual(onlyFolders('renderer'));
    expect(await refused('renderer/probe.ts', probe('../host/guards', 'mimeType'))).toEqual(onlyFolders('renderer'));
    expect(await refused('renderer/probe.ts', probe('../web/server', 'startServer'))).toEqual(onlyFolders('renderer'));
    expect(await refused('renderer/probe.ts', probe('node:fs', 'readFileSync'))).toEqual(onlyPackages('renderer'));
    expect(await refused('renderer/probe.ts', probe('fs', 'readFileSync'))).toEqual(onlyPackages('renderer'));
    expect(await refused('renderer/probe.ts', probe('electron', 'ipcRenderer'))).toEqual(onlyPackages('renderer'));
    expect(await refused('renderer/probe.ts', `import Database from 'better-sqlite3-multiple-ciphers';\nexport const probe = Database;\n`)).toEqual(onlyPackages('renderer'));
  });

  it('db/ imports core/, api/, Node and its storage packages, never a host, the renderer or Electron', async () => {
    expect(await allMessages('db/probe.ts', probe('../core/fold', 'fold'))).toEqual([]);
    expect(await allMessages('db/probe.ts', probe('node:fs', 'readFileSync'))).toEqual([]);
    expect(await allMessages('db/handlers/probe.ts', probe('../../api/contract', 'contract'))).toEqual([]);
    // The import of old registers reads .xlsx files (db/legacy/read-file.ts).
    expect(await allMessages('db/legacy/probe.ts', probe('exceljs', 'Workbook'))).toEqual([]);
    expect(await refused('db/probe.ts', probe('../renderer/app', 'App'))).toEqual(onlyFolders('db'));
    expect(await refused('db/probe.ts', probe('../electron/main', 'x'))).toEqual(onlyFolders('db'));
    expect(await refused('db/probe.ts', probe('../web/server', 'x'))).toEqual(onlyFolders('db'));
    expect(await refused('db/probe.ts', probe('../host/guards', 'mimeType'))).toEqual(onlyFolders('db'));
    expect(await refused('db/probe.ts', probe('electron', 'app'))).toEqual(onlyPackages('db'));
  });

  it('the hosts share host/ and import db/ and below, never each other or the renderer', async () => {
    expect(await allMessages('web/probe.ts', probe('../host/guards', 'mimeType'))).toEqual([]);
    expect(await allMessages('web/probe.ts', probe('../db/dispatch', 'dispatch'))).toEqual([]);
    expect(await allMessages('electron/probe.ts', probe('../db/backend', 'Backend'))).toEqual([]);
    expect(await allMessages('electron/probe.ts', probe('../host/guards', 'mimeType'))).toEqual([]);
    expect(await refused('web/probe.ts', probe('../electron/app-files', 'x'))).toEqual(onlyFolders('web'));
    expect(await refused('electron/probe.ts', probe('../web/server', 'x'))).toEqual(onlyFolders('electron'));
    expect(await refused('web/probe.ts', probe('../renderer/app', 'App'))).toEqual(onlyFolders('web'));
    expect(await refused('electron/probe.ts', probe('../renderer/app', 'App'))).toEqual(onlyFolders('electron'));
    expect(await refused('web/probe.ts', probe('electron', 'app'))).toEqual(onlyPackages('web'));
    expect(await refused('host/probe.ts', probe('../db/store', 'openSqlite'))).toEqual(onlyFolders('host'));
    expect(await refused('host/probe.ts', probe('electron', 'app'))).toEqual(onlyPackages('host'));
  });

  it('the real folders pass their own rules', async () => {
    const results = await eslint.lintFiles(['core', 'api', 'db', 'host', 'web']);
    const problems = results.flatMap((r) => r.messages.filter((m) => m.ruleId !== null && (layerRules.has(m.ruleId) || m.ruleId === 'import-x/no-cycle')).map((m) => `${r.filePath}: ${m.message}`));
    expect(results.length).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });
});

describe('the habits', () => {
  it('a hook called conditionally fails in the renderer', async () => {
    const code = `import { useState } from 'react';\nexport function Probe({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n`;
    expect(await allMessages('renderer/probe.tsx', code)).toEqual([expect.stringMatching(/^react-hooks\/rules-of-hooks: /)]);
  });

  describe('an import cycle fails, a type-only one does not', () => {
    let dir: string;
    let inTemp: ESLint;

    beforeAll(() => {
      // Cycles need files on disk (the rule follows imports): the repository's config, run from a folder of its own.
      dir = mkdtempSync(join(tmpdir(), 'lint-cycle-'));
      mkdirSync(join(dir, 'db'));
      writeFileSync(join(dir, 'db/a.ts'), `import { b } from './b';\nexport const a = () => b;\n`);
      writeFileSync(join(dir, 'db/b.ts'), `import { a } from './a';\nexport const b = () => a;\n`);
      writeFileSync(join(dir, 'db/c.ts'), `import type { D } from './d';\nexport interface C { readonly d: D }\n`);
      writeFileSync(join(dir, 'db/d.ts'), `import type { C } from './c';\nexport interface D { readonly c: C }\n`);
      inTemp = new ESLint({
        cwd: dir,
        overrideConfigFile: resolve('eslint.config.js'),
        overrideConfig: { languageOptions: { parserOptions: { projectService: false } }, rules: { '@typescript-eslint/no-floating-promises': 'off' } },
      });
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports both ends of a run-time cycle and nothing for the type-only one', async () => {
      const results = await inTemp.lintFiles(['db']);
      const cycles = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'import-x/no-cycle').map(() => r.filePath.slice(dir.length + 1)));
      expect(cycles.sort()).toEqual(['db/a.ts', 'db/b.ts']);
    });
  });

  it('a promise left floating fails in db/ and web/ (typed lint, on a real file of each)', async () => {
    const typed = new ESLint({ cwd: process.cwd() });
    const code = `async function later(): Promise<void> {}\nexport function probe(): void {\n  later();\n}\n`;
    for (const filePath of ['db/backup-jobs.ts', 'web/server.ts']) {
      const [result] = await typed.lintText(code, { filePath });
      expect(result?.messages.map((m) => m.ruleId), filePath).toContain('@typescript-eslint/no-floating-promises');
    }
  });
});
