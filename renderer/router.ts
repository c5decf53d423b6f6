import { useSyncExternalStore } from 'react';

/**
 * A tiny hash router: the route is the part of location.hash after "#" ("#/users" → "/users").
 * Hash routes work the same from Electron's app:// files and from the browser host. `parseRoute`
 * turns a path into a typed view of it; `paths` builds the parameterised ones.
 */

/** Routes without parameters. */
export type StaticPath = '/' | '/users' | '/settings' | '/setup' | '/login' | '/reports' | '/reports/new' | '/deadlines';
/** Every path the app links to. */
export type Path = StaticPath | `/reports/${string}` | `/print/${string}`;

export type ParsedRoute =
  | { readonly page: 'overview' }
  | { readonly page: 'users' }
  | { readonly page: 'settings' }
  | { readonly page: 'setup' }
  | { readonly page: 'login' }
  | { readonly page: 'reports' }
  | { readonly page: 'report-new' }
  | { readonly page: 'report'; readonly id: string }
  | { readonly page: 'report-edit'; readonly id: string }
  | { readonly page: 'deadlines' }
  /** A printable document, shown full page without the layout; renderer/print/ reads the rest. */
  | { readonly page: 'print'; readonly path: string }
  | { readonly page: 'not-found' };

const staticPages: Readonly<Record<StaticPath, ParsedRoute>> = {
  '/': { page: 'overview' },
  '/users': { page: 'users' },
  '/settings': { page: 'settings' },
  '/setup': { page: 'setup' },
  '/login': { page: 'login' },
  '/reports': { page: 'reports' },
  '/reports/new': { page: 'report-new' },
  '/deadlines': { page: 'deadlines' },
};

const isStaticPath = (path: string): path is StaticPath => Object.prototype.hasOwnProperty.call(staticPages, path);
const ID = '[0-9a-fA-F-]{36}';

export function parseRoute(path: string): ParsedRoute {
  if (path.startsWith('/print/')) return { page: 'print', path };
  const bare = path.split('?')[0] ?? path;
  if (isStaticPath(bare)) return staticPages[bare];
  const report = new RegExp(`^/reports/(${ID})(/edit)?$`).exec(bare);
  if (report?.[1]) return report[2] ? { page: 'report-edit', id: report[1] } : { page: 'report', id: report[1] };
  return { page: 'not-found' };
}

/** Builders for the paths with parameters. */
export const paths = {
  report: (id: string): Path => `/reports/${id}`,
  reportEdit: (id: string): Path => `/reports/${id}/edit`,
  printReceipt: (id: string): Path => `/print/receipt/${id}`,
  printRegister: (from: string, to: string): Path => `/print/register?${new URLSearchParams({ from, to }).toString()}`,
};

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentPath(): string {
  const path = window.location.hash.replace(/^#/, '');
  return path === '' ? '/' : path;
}

export function useRoute(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function href(path: Path): string {
  return `#${path}`;
}

/** Goes to a route; `replace` keeps the history clean when the app (not the user) moves. */
export function navigate(path: Path, replace = false): void {
  if (currentPath() === path) return;
  if (replace) window.location.replace(href(path));
  else window.location.hash = path;
}
