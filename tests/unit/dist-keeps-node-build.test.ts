import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keepingNodeBuild } from '../../build/dist.mjs';

/**
 * `npm run dist` (build/dist.mjs): electron-builder rebuilds the SQLite module for Electron in the
 * project's own node_modules; the Node build the tests load must be there again afterwards. The
 * packaging is played by a function that does to the build folder what @electron/rebuild does.
 */

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(): { root: string; build: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'so-antt-dist-'));
  roots.push(root);
  const build = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build');
  mkdirSync(path.join(build, 'Release'), { recursive: true });
  writeFileSync(path.join(build, 'Release', 'better_sqlite3.node'), 'the Node build');
  return { root, build };
}

/** What @electron/rebuild leaves: the Electron build, and a marker that it is built for Electron. */
function rebuildForElectron(build: string): string {
  mkdirSync(path.join(build, 'Release'), { recursive: true });
  writeFileSync(path.join(build, 'Release', 'better_sqlite3.node'), 'the Electron build');
  writeFileSync(path.join(build, 'Release', '.forge-meta'), 'x64--140');
  return readFileSync(path.join(build, 'Release', 'better_sqlite3.node'), 'utf8');
}

const nodeFile = (build: string) => readFileSync(path.join(build, 'Release', 'better_sqlite3.node'), 'utf8');

describe('packaging keeps the Node build', () => {
  it('packages what was rebuilt for Electron, then puts the Node build back, with no trace of the rebuild', () => {
    const { root, build } = project();
    const packaged = keepingNodeBuild(root, () => {
      expect(existsSync(build)).toBe(false);
      return rebuildForElectron(build);
    });
    expect(packaged).toBe('the Electron build');
    expect(nodeFile(build)).toBe('the Node build');
    expect(existsSync(path.join(build, 'Release', '.forge-meta'))).toBe(false);
    expect(existsSync(`${build}.node-build`)).toBe(false);
  });

  it('puts it back when packaging fails', () => {
    const { root, build } = project();
    expect(() =>
      keepingNodeBuild(root, () => {
        rebuildForElectron(build);
        throw new Error('no network');
      }),
    ).toThrow('no network');
    expect(nodeFile(build)).toBe('the Node build');
  });

  it('after a run that was killed midway, takes the Node build from where that run set it aside', () => {
    const { root, build } = project();
    // The killed run: the Node build aside, the Electron build in its place.
    rmSync(`${build}.node-build`, { recursive: true, force: true });
    const aside = `${build}.node-build`;
    mkdirSync(path.join(aside, 'Release'), { recursive: true });
    writeFileSync(path.join(aside, 'Release', 'better_sqlite3.node'), 'the Node build');
    rebuildForElectron(build);
    keepingNodeBuild(root, () => rebuildForElectron(build));
    expect(nodeFile(build)).toBe('the Node build');
    expect(existsSync(aside)).toBe(false);
  });

  it('packages all the same when the module has no build to keep', () => {
    const { root, build } = project();
    rmSync(build, { recursive: true });
    expect(keepingNodeBuild(root, () => rebuildForElectron(build))).toBe('the Electron build');
    expect(existsSync(`${build}.node-build`)).toBe(false);
  });
});
