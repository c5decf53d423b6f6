import { describe, expect, it } from 'vitest';
import { aboutText, menuTemplate } from '../../electron/menu';
import { windowOptions } from '../../electron/window-options';

describe('window options', () => {
  const options = windowOptions({ preload: '/app/dist/electron/preload.cjs', devTools: false });
  const web = options.webPreferences ?? {};

  it('isolates the page from the preload and sandboxes the renderer', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
  });

  it('gives the page no Node', () => {
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps the web security model', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
  });

  it('allows no webview, no spellchecker downloads, no drop-to-navigate', () => {
    expect(web.webviewTag).toBe(false);
    expect(web.spellcheck).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.safeDialogs).toBe(true);
  });

  it('loads the given preload', () => {
    expect(web.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('closes DevTools in a packaged build and opens them in development', () => {
    expect(web.devTools).toBe(false);
    expect(windowOptions({ preload: '/p.cjs', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('is titled, sized and hidden until ready to show', () => {
    expect(options.title).toBe('Sổ ANTT');
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(600);
  });

  it('sets no preference that would weaken the sandbox', () => {
    const risky = ['enableBlinkFeatures', 'additionalArguments', 'partition', 'webgl', 'plugins'];
    for (const key of risky) expect(Object.keys(web), key).not.toContain(key);
  });
});

describe('application menu', () => {
  type Item = ReturnType<typeof menuTemplate>[number];
  const flatten = (items: readonly Item[]): Item[] =>
    items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

  const options = (developer: boolean, showAbout: () => void = () => undefined) => ({ developer, version: '0.1.0', showAbout });

  it('is in Vietnamese and made of built-in roles, but for About', () => {
    const top = menuTemplate(options(false));
    expect(top.map((item) => item.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp']);
    for (const item of flatten(top)) {
      if (item.submenu !== undefined || item.type === 'separator' || item.label?.startsWith('Giới thiệu')) continue;
      expect(item.role, String(item.label)).toBeDefined();
      expect(item.click).toBeUndefined();
    }
  });

  it('names the version in Help → About, which shows the About box', () => {
    let shown = 0;
    const help = menuTemplate(options(false, () => (shown += 1))).find((item) => item.label === 'Trợ giúp');
    const about = Array.isArray(help?.submenu) ? help.submenu[0] : undefined;
    expect(about?.label).toBe('Giới thiệu Sổ ANTT (phiên bản 0.1.0)');
    expect(about?.role).toBeUndefined();
    (about?.click as (() => void) | undefined)?.();
    expect(shown).toBe(1);
    expect(aboutText('0.1.0')).toBe('Sổ ANTT phiên bản 0.1.0');
  });

  it('offers reload and DevTools only in development', () => {
    const roles = (developer: boolean) => flatten(menuTemplate(options(developer))).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
  });
});
