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
    expect(files).toEqual(expect.arrayContaining(['desktop.yml', 'release.yml']));
  });

  it.each(files)('%s is a valid workflow', (name) => {
    expect(validateWorkflow(read(name)).errors).toEqual([]);
  });

  it('a workflow with a mistake is refused (the check can fail)', () => {
    const broken = read('desktop.yml').replace('runs-on: ${{ matrix.os }}', 'runs_on: ${{ matrix.os }}');
    expect(validateWorkflow(broken).errors).not.toEqual([]);
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
