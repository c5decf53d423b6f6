import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir, shellPaths, USER_DATA_FOLDER } from '../../electron/app-paths';

describe('shell paths', () => {
  it('finds the preload beside main.cjs and the renderer in ../renderer', () => {
    const bundleDir = path.resolve('/opt/so-antt/resources/app.asar/dist/electron');
    expect(shellPaths(bundleDir)).toEqual({
      preload: path.join(bundleDir, 'preload.cjs'),
      renderer: path.resolve('/opt/so-antt/resources/app.asar/dist/renderer'),
    });
  });
});

describe('data folder', () => {
  const userData = path.resolve('/home/officer/.config', USER_DATA_FOLDER);

  it('is data/ in the user-data folder by default', () => {
    expect(resolveDataDir({}, userData)).toBe(path.join(userData, 'data'));
    expect(resolveDataDir({ SO_ANTT_DATA: '' }, userData)).toBe(path.join(userData, 'data'));
    expect(resolveDataDir({ SO_ANTT_DATA: '   ' }, userData)).toBe(path.join(userData, 'data'));
  });

  it('is SO_ANTT_DATA when set, made absolute', () => {
    expect(resolveDataDir({ SO_ANTT_DATA: path.resolve('/srv/office-2') }, userData)).toBe(path.resolve('/srv/office-2'));
    expect(resolveDataDir({ SO_ANTT_DATA: 'relative/office' }, userData)).toBe(path.resolve('relative/office'));
  });

  it('uses a plain ASCII folder name', () => {
    expect(USER_DATA_FOLDER).toMatch(/^[a-z0-9-]+$/);
  });
});
