import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** docs/security.md, "Release": signing from the environment, skipped with a notice without it. */

const builder = readFileSync('build/electron-builder.yml', 'utf8');
const workflow = readFileSync('.github/workflows/release.yml', 'utf8');

describe('code signing', () => {
  it('signs with SHA-256 and a time stamp, and goes on unsigned when no certificate is given', () => {
    expect(builder).toMatch(/^forceCodeSigning: false$/m);
    expect(builder).toMatch(/^ {2}signtoolOptions:\n {4}signingHashAlgorithms:\n {6}- sha256\n {4}rfc3161TimeStampServer: https?:\/\/\S+$/m);
  });

  it('keeps the certificate out of the repository: no certificate file or password in the configuration', () => {
    expect(builder).not.toMatch(/^\s*(certificateFile|certificatePassword|cscLink|cscKeyPassword):/m);
  });

  it('the release workflow hands the secrets to the packaging step and says when it builds unsigned', () => {
    const build = workflow.slice(workflow.indexOf('- name: Build and package'), workflow.indexOf('npm run dist'));
    for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD']) expect(build).toContain(`${name}: \${{ secrets.${name} }}`);
    expect(workflow).toContain('::notice title=Unsigned installer::');
  });
});
