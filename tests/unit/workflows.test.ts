import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';

/**
 * The GitHub workflows, which cannot run here: each is checked against GitHub's workflow schema by
 * action-validator (a WebAssembly build of it, from npm), and the desktop workflow is read for what
 * build/README.md says it checks.
 */

const dir = path.join(process.cwd(), '.github', 'workflows');
const files = readdirSync(dir).filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'));
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

describe('the workflows', () => {
  it('are there', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'desktop.yml', 'release.yml']));
  });

  it.each(files)('%s is a valid workflow', (name) => {
    expect(validateWorkflow(read(name)).errors).toEqual([]);
  });

  it.each(files)('%s pins every action by commit (a tag can be moved; a commit cannot)', (name) => {
    const uses = [...read(name).matchAll(/uses: (\S+)/g)].map((match) => match[1] ?? '');
    for (const action of uses) expect(action).toMatch(/^([\w.-]+\/[\w.-]+@[0-9a-f]{40}|\.\/\.github\/workflows\/[\w.-]+\.yml)$/);
  });

  it('a workflow with a mistake is refused (the check can fail)', () => {
    const broken = read('desktop.yml').replace('runs-on: ${{ matrix.os }}', 'runs_on: ${{ matrix.os }}');
    expect(validateWorkflow(broken).errors).not.toEqual([]);
  });
});

describe('the CI workflow', () => {
  const text = read('ci.yml');

  it('runs .ci/run on every push and pull request, and when the release calls it', () => {
    expect(text).toMatch(/^on:\n {2}push:\n {2}pull_request:\n/m);
    expect(text).toMatch(/^ {2}workflow_call:\n/m);
    expect(text).toContain('run: bash .ci/run');
  });

  it('runs in a Debian container (what .ci/run installs with apt-get is Debian\'s)', () => {
    expect(text).toMatch(/container:\n\s+[^\n]*\n?\s*image: node:\d+-(bookworm|trixie)\n/);
  });
});

describe('the release workflow', () => {
  const text = read('release.yml');

  it('tests with the CI workflow before it packages', () => {
    expect(text).toContain('uses: ./.github/workflows/ci.yml');
    expect(text).toMatch(/package:\n {4}needs: test\n/);
  });

  it("packages on the Node that electron-builder's tools require (@electron/rebuild's engines)", () => {
    const engines = (JSON.parse(readFileSync('node_modules/@electron/rebuild/package.json', 'utf8')) as { engines: { node: string } }).engines.node;
    const needed = Number(/>=\s*(\d+)/.exec(engines)?.[1]);
    const used = [...text.matchAll(/node-version: (\d+)/g)].map((match) => Number(match[1]));
    expect(used.length).toBeGreaterThan(0);
    for (const version of used) expect(version).toBeGreaterThanOrEqual(needed);
  });
});

describe('the desktop workflow', () => {
  const text = read('desktop.yml');

  it('runs on every push, on Linux and Windows', () => {
    expect(text).toMatch(/^on:\n {2}push:\n/m);
    expect(text).toContain('- ubuntu-latest');
    expect(text).toContain('- windows-latest');
  });

  it('pins every action by commit', () => {
    const uses = [...text.matchAll(/uses: (\S+)/g)].map((match) => match[1] ?? '');
    expect(uses.length).toBeGreaterThanOrEqual(3);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });

  it("prepares as npm start does, then smoke-runs the app unpackaged and packaged, and keeps the installers", () => {
    const order = ['npm ci', 'npm run prepare:electron', 'npm run build', 'npx electron . --smoke-test', 'npm run dist', 'release/linux-unpacked/so-antt --smoke-test', 'release/win-unpacked/so-antt.exe --smoke-test', 'actions/upload-artifact'];
    const at = order.map((step) => text.indexOf(step));
    expect(at.every((index) => index >= 0), JSON.stringify(Object.fromEntries(order.map((step, i) => [step, at[i]])))).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('xvfb-run -a npx electron .');
    expect(text).toContain('if-no-files-found: error');
  });

  it('never skips the Electron download it needs', () => {
    expect(text).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  });
});
