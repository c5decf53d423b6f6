import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  contentSecurityPolicy,
  externalAllowlist,
  isAllowedExternal,
  isAllowedNavigation,
  isAppUrl,
  isLocalRequest,
  isTrustedSender,
  mimeType,
  resolveAppPath,
} from '../../host/guards';

/** The CSP as a map of directive → sources, so each directive is checked on its own. */
function directives(): Map<string, string[]> {
  return new Map(
    contentSecurityPolicy()
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name = '', ...sources]) => [name, sources] as const),
  );
}

describe('app origin', () => {
  it('is app://so-antt and the window loads its index.html', () => {
    expect(APP_ORIGIN).toBe('app://so-antt');
    expect(APP_ENTRY_URL).toBe('app://so-antt/index.html');
  });

  it('recognises only the app scheme and host', () => {
    expect(isAppUrl('app://so-antt/index.html')).toBe(true);
    expect(isAppUrl('app://so-antt/')).toBe(true);
    expect(isAppUrl('app://so-antt/incidents/42?tab=people#top')).toBe(true);
    for (const url of [
      'app://other/index.html',
      'app://so-antt.evil.com/index.html',
      'app://so-antt:8080/index.html',
      'app://user:pass@so-antt/index.html',
      'https://so-antt/index.html',
      'http://localhost:5173/',
      'file:///C:/so-antt/index.html',
      'devtools://devtools/bundled/inspector.html',
      'about:blank',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(42)).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows the app its own origin and nothing else', () => {
    const csp = directives();
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('font-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('shuts plugins, base tags, form posts and framing', () => {
    const csp = directives();
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('never allows inline or evaluated code, or any remote host', () => {
    const text = contentSecurityPolicy();
    expect(text).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/);
    expect(text).not.toMatch(/https?:|\*|ws:|wss:/);
  });
});

describe('navigation guard', () => {
  it('allows navigation inside the app only', () => {
    expect(isAllowedNavigation('app://so-antt/index.html')).toBe(true);
    expect(isAllowedNavigation('app://so-antt/reports')).toBe(true);
    for (const url of [
      'https://thuvienphapluat.vn/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'data:text/html,<script>alert(1)</script>',
      'javascript:void(0)',
      'chrome://settings',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });
});

describe('local requests', () => {
  it('lets the app load its own files and data it made', () => {
    for (const url of ['app://so-antt/assets/app.js', 'data:image/png;base64,AAAA', 'blob:app://so-antt/0b1c', 'about:blank', 'devtools://devtools/bundled/inspector.html']) {
      expect(isLocalRequest(url), url).toBe(true);
    }
  });

  it('cancels anything that reaches out', () => {
    for (const url of [
      'https://fonts.googleapis.com/css',
      'http://localhost:5173/',
      'ws://127.0.0.1:9229/',
      'wss://example.com/',
      'ftp://example.com/',
      'file:///C:/Users/x/secret.txt',
      'smb://server/share',
      'app://evil/x.js',
      'chrome://gpu',
      'not a url',
    ]) {
      expect(isLocalRequest(url), url).toBe(false);
    }
  });
});

describe('resolveAppPath', () => {
  const root = path.resolve('/srv/app/dist/renderer');
  const inRoot = (...parts: string[]): string => path.join(root, ...parts);

  it('maps app files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://so-antt/index.html')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://so-antt/assets/index-abc123.js')).toBe(inRoot('assets', 'index-abc123.js'));
    expect(resolveAppPath(root, 'app://so-antt/assets/Times%20New%20Roman.woff2')).toBe(inRoot('assets', 'Times New Roman.woff2'));
    expect(resolveAppPath(root, 'app://so-antt/assets/s%E1%BB%95.png')).toBe(inRoot('assets', 'sổ.png'));
  });

  it('sends routes of the single-page app to index.html', () => {
    for (const url of ['app://so-antt', 'app://so-antt/', 'app://so-antt/incidents', 'app://so-antt/incidents/15-2026/', 'app://so-antt/print/incident?id=1']) {
      expect(resolveAppPath(root, url), url).toBe(inRoot('index.html'));
    }
  });

  it('ignores query strings and fragments', () => {
    expect(resolveAppPath(root, 'app://so-antt/assets/app.js?v=2')).toBe(inRoot('assets', 'app.js'));
    expect(resolveAppPath(root, 'app://so-antt/index.html?x=../../../etc/passwd')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://so-antt/index.html#/../../secret')).toBe(inRoot('index.html'));
  });

  const hostile = [
    // dot segments, plain and encoded in every case mix
    'app://so-antt/../secret.txt',
    'app://so-antt/assets/../../secret.txt',
    'app://so-antt/./index.html',
    'app://so-antt/%2e%2e/secret.txt',
    'app://so-antt/%2E%2E/%2e%2e/etc/passwd',
    'app://so-antt/.%2e/secret.txt',
    'app://so-antt/%2e./secret.txt',
    'app://so-antt/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://so-antt/..%2fsecret.txt',
    'app://so-antt/..%2Fsecret.txt',
    'app://so-antt/%252e%252e/secret.txt',
    // backslashes, raw and encoded
    'app://so-antt/..\\..\\secret.txt',
    'app://so-antt/assets\\..\\..\\secret.txt',
    'app://so-antt/..%5c..%5csecret.txt',
    'app://so-antt/..%5C..%5Csecret.txt',
    // absolute paths and drive letters
    'app://so-antt//etc/passwd',
    'app://so-antt/%2fetc%2fpasswd',
    'app://so-antt/C:/Windows/win.ini',
    'app://so-antt/C:%5CWindows%5Cwin.ini',
    'app://so-antt/c%3a/Windows/win.ini',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    // null bytes and control characters
    'app://so-antt/index.html%00.png',
    'app://so-antt/%00',
    'app://so-antt/assets/app%0a.js',
    // alternate data streams, hidden files
    'app://so-antt/index.html::$DATA',
    'app://so-antt/.env',
    'app://so-antt/assets/.git/config',
    // Windows device names and names Windows trims
    'app://so-antt/CON',
    'app://so-antt/assets/nul.js',
    'app://so-antt/assets/COM1.txt',
    'app://so-antt/assets/LPT9',
    'app://so-antt/index.html.',
    'app://so-antt/index.html%20',
    // malformed encoding
    'app://so-antt/%E0%A4%A',
    'app://so-antt/%',
    // other hosts, schemes and spellings
    'app://evil/index.html',
    'app://so-antt.evil/index.html',
    'app://so-antt:443/index.html',
    'app://x@so-antt/index.html',
    'APP://so-antt/index.html',
    'file:///srv/app/dist/renderer/index.html',
    'https://so-antt/index.html',
    'http://localhost/index.html',
    '',
    'index.html',
  ];

  it.each(hostile)('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('keeps Windows paths inside the root too', () => {
    const winRoot = 'C:\\Program Files\\So ANTT\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppPath(winRoot, 'app://so-antt/assets/app.js', path.win32)).toBe(`${winRoot}\\assets\\app.js`);
    expect(resolveAppPath(winRoot, 'app://so-antt/reports', path.win32)).toBe(`${winRoot}\\index.html`);
    for (const url of hostile) expect(resolveAppPath(winRoot, url, path.win32), url).toBeNull();
  });

  it('never returns a path outside the root, whatever the input', () => {
    const pieces = ['..', '.', '%2e', '%2E%2e', '%2f', '%5c', '\\', '/', 'a', 'b.js', '%00', 'C:', '%3a', '?', '#', '%'];
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const file = resolveAppPath(root, `app://so-antt/${a}/${b}${c}`);
          if (file !== null) expect(file.startsWith(root + path.sep), file).toBe(true);
        }
      }
    }
  });
});

describe('trusted sender', () => {
  const main = { url: 'app://so-antt/index.html', parent: null };

  it('accepts the main frame of the app', () => {
    expect(isTrustedSender(main)).toBe(true);
    expect(isTrustedSender({ ...main, url: 'app://so-antt/incidents/42' })).toBe(true);
    expect(isTrustedSender({ ...main, detached: false })).toBe(true);
  });

  it('refuses subframes, even of the app', () => {
    expect(isTrustedSender({ url: 'app://so-antt/index.html', parent: main })).toBe(false);
  });

  it('refuses pages from other origins', () => {
    for (const url of [
      'file:///C:/Users/x/index.html',
      'http://localhost:5173/',
      'http://127.0.0.1/',
      'https://evil.example/',
      'devtools://devtools/bundled/devtools_app.html',
      'app://evil/index.html',
      'about:blank',
      'data:text/html,x',
      '',
    ]) {
      expect(isTrustedSender({ url, parent: null }), url).toBe(false);
    }
  });

  it('refuses a missing or detached frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender({ ...main, detached: true })).toBe(false);
  });
});

describe('external links', () => {
  it('has a short allowlist of official legal-text sites', () => {
    expect(externalAllowlist).toContain('thuvienphapluat.vn');
    expect(externalAllowlist).toContain('vbpl.vn');
    expect(externalAllowlist.length).toBeLessThanOrEqual(6);
  });

  it('opens https links to those hosts', () => {
    expect(isAllowedExternal('https://thuvienphapluat.vn/van-ban/Trach-nhiem-hinh-su/Bo-luat-hinh-su-2015-296661.aspx')).toBe(true);
    expect(isAllowedExternal('https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=96122')).toBe(true);
    expect(isAllowedExternal('https://www.thuvienphapluat.vn/')).toBe(true);
  });

  it('refuses everything else', () => {
    for (const url of [
      'http://thuvienphapluat.vn/',
      'https://thuvienphapluat.vn.evil.com/',
      'https://evilthuvienphapluat.vn/',
      'https://sub.vbpl.vn/',
      'https://thuvienphapluat.vn:8443/',
      'https://user@thuvienphapluat.vn/',
      'https://google.com/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'mailto:a@b.vn',
      'javascript:alert(1)',
      'app://so-antt/index.html',
      'not a url',
    ]) {
      expect(isAllowedExternal(url), url).toBe(false);
    }
    expect(isAllowedExternal(null)).toBe(false);
  });
});

describe('mime types', () => {
  it('names the types of the built renderer files', () => {
    expect(mimeType('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('assets/index-abc.css')).toBe('text/css; charset=utf-8');
    expect(mimeType('fonts/tinos.woff2')).toBe('font/woff2');
    expect(mimeType('logo.SVG')).toBe('image/svg+xml');
    expect(mimeType('x.png')).toBe('image/png');
    expect(mimeType('data.json')).toBe('application/json; charset=utf-8');
  });

  it('serves unknown extensions as opaque bytes', () => {
    expect(mimeType('archive.xyz')).toBe('application/octet-stream');
    expect(mimeType('Makefile')).toBe('application/octet-stream');
  });
});
