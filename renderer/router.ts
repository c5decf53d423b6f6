import { installLeaveGuard } from './forms/leave-guard';
import { useSyncExternalStore } from 'react';

/**
 * A tiny hash router: the route is the part of location.hash after "#" ("#/users" → "/users").
 * Hash routes work the same from Electron's app:// files and from the browser host. `parseRoute`
 * turns a path into a typed view of it; `paths` builds the parameterised ones.
 */

/** Routes without parameters. */
export type StaticPath =
  | '/'
  | '/users'
  | '/backups'
  | '/audit'
  | '/settings'
  | '/setup'
  | '/login'
  | '/reports'
  | '/reports/new'
  | '/deadlines'
  | '/persons'
  | '/persons/new'
  | '/persons/duplicates'
  | '/programs'
  | '/reminders'
  | '/hotspots'
  | '/hotspots/new'
  | '/hotspots/due'
  | '/campaigns'
  | '/campaigns/new'
  | '/movement'
  | '/periodic'
  | '/exchange'
  | '/legacy'
  | '/holidays'
  | '/account/password';
/** Every path the app links to. */
export type Path =
  | StaticPath
  | `/reports/${string}`
  | `/reports?${string}`
  | `/deadlines?${string}`
  | `/reminders?${string}`
  | `/holidays?year=${number}`
  | `/print/${string}`
  | `/persons/${string}`
  | `/programs/${string}`
  | `/hotspots/${string}`
  | `/campaigns/${string}`
  | `/periodic/${string}`
  | `/graph/${'person' | 'hotspot'}/${string}`;

export type ParsedRoute =
  | { readonly page: 'overview' }
  | { readonly page: 'users' }
  | { readonly page: 'backups' }
  | { readonly page: 'audit' }
  | { readonly page: 'settings' }
  | { readonly page: 'setup' }
  | { readonly page: 'login' }
  | { readonly page: 'reports' }
  | { readonly page: 'report-new' }
  | { readonly page: 'report'; readonly id: string }
  | { readonly page: 'report-edit'; readonly id: string }
  | { readonly page: 'deadlines' }
  | { readonly page: 'persons' }
  | { readonly page: 'person-new' }
  | { readonly page: 'duplicates' }
  | { readonly page: 'person'; readonly id: string }
  | { readonly page: 'programs' }
  | { readonly page: 'program'; readonly id: string }
  | { readonly page: 'reminders' }
  | { readonly page: 'hotspots' }
  | { readonly page: 'hotspot-new' }
  | { readonly page: 'hotspots-due' }
  | { readonly page: 'hotspot'; readonly id: string }
  | { readonly page: 'hotspot-edit'; readonly id: string }
  | { readonly page: 'campaigns' }
  | { readonly page: 'campaign-new' }
  | { readonly page: 'campaign'; readonly id: string }
  | { readonly page: 'campaign-edit'; readonly id: string }
  | { readonly page: 'movement' }
  | { readonly page: 'periodic' }
  | { readonly page: 'periodic-report'; readonly id: string }
  | { readonly page: 'exchange' }
  | { readonly page: 'legacy' }
  | { readonly page: 'holidays' }
  | { readonly page: 'account-password' }
  | { readonly page: 'graph'; readonly kind: 'person' | 'hotspot'; readonly id: string }
  /** A printable document, shown full page without the layout; renderer/print/ reads the rest. */
  | { readonly page: 'print'; readonly path: string }
  | { readonly page: 'not-found' };

const staticPages: Readonly<Record<StaticPath, ParsedRoute>> = {
  '/': { page: 'overview' },
  '/users': { page: 'users' },
  '/backups': { page: 'backups' },
  '/audit': { page: 'audit' },
  '/settings': { page: 'settings' },
  '/setup': { page: 'setup' },
  '/login': { page: 'login' },
  '/reports': { page: 'reports' },
  '/reports/new': { page: 'report-new' },
  '/deadlines': { page: 'deadlines' },
  '/persons': { page: 'persons' },
  '/persons/new': { page: 'person-new' },
  '/persons/duplicates': { page: 'duplicates' },
  '/programs': { page: 'programs' },
  '/reminders': { page: 'reminders' },
  '/hotspots': { page: 'hotspots' },
  '/hotspots/new': { page: 'hotspot-new' },
  '/hotspots/due': { page: 'hotspots-due' },
  '/campaigns': { page: 'campaigns' },
  '/campaigns/new': { page: 'campaign-new' },
  '/movement': { page: 'movement' },
  '/periodic': { page: 'periodic' },
  '/exchange': { page: 'exchange' },
  '/legacy': { page: 'legacy' },
  '/holidays': { page: 'holidays' },
  '/account/password': { page: 'account-password' },
};

const isStaticPath = (path: string): path is StaticPath => Object.prototype.hasOwnProperty.call(staticPages, path);
const ID = '[0-9a-fA-F-]{36}';

export function parseRoute(path: string): ParsedRoute {
  if (path.startsWith('/print/')) return { page: 'print', path };
  const bare = path.split('?')[0] ?? path;
  if (isStaticPath(bare)) return staticPages[bare];
  const report = new RegExp(`^/reports/(${ID})(/edit)?$`).exec(bare);
  if (report?.[1]) return report[2] ? { page: 'report-edit', id: report[1] } : { page: 'report', id: report[1] };
  const person = new RegExp(`^/persons/(${ID})$`).exec(bare);
  if (person?.[1]) return { page: 'person', id: person[1] };
  const program = new RegExp(`^/programs/(${ID})$`).exec(bare);
  if (program?.[1]) return { page: 'program', id: program[1] };
  const hotspot = new RegExp(`^/hotspots/(${ID})(/edit)?$`).exec(bare);
  if (hotspot?.[1]) return hotspot[2] ? { page: 'hotspot-edit', id: hotspot[1] } : { page: 'hotspot', id: hotspot[1] };
  const campaign = new RegExp(`^/campaigns/(${ID})(/edit)?$`).exec(bare);
  if (campaign?.[1]) return campaign[2] ? { page: 'campaign-edit', id: campaign[1] } : { page: 'campaign', id: campaign[1] };
  const periodic = new RegExp(`^/periodic/(${ID})$`).exec(bare);
  if (periodic?.[1]) return { page: 'periodic-report', id: periodic[1] };
  const graph = new RegExp(`^/graph/(person|hotspot)/(${ID})$`).exec(bare);
  if (graph?.[2]) return { page: 'graph', kind: graph[1] === 'hotspot' ? 'hotspot' : 'person', id: graph[2] };
  return { page: 'not-found' };
}

/** Builders for the paths with parameters. */
export const paths = {
  report: (id: string): Path => `/reports/${id}`,
  reportEdit: (id: string): Path => `/reports/${id}/edit`,
  person: (id: string): Path => `/persons/${id}`,
  program: (id: string): Path => `/programs/${id}`,
  hotspot: (id: string): Path => `/hotspots/${id}`,
  hotspotEdit: (id: string): Path => `/hotspots/${id}/edit`,
  graph: (kind: 'person' | 'hotspot', id: string): Path => `/graph/${kind}/${id}`,
  campaign: (id: string): Path => `/campaigns/${id}`,
  campaignEdit: (id: string): Path => `/campaigns/${id}/edit`,
  periodicReport: (id: string): Path => `/periodic/${id}`,
  printCampaign: (id: string): Path => `/print/campaign/${id}`,
  printReceipt: (id: string): Path => `/print/receipt/${id}`,
  printRegister: (from: string, to: string): Path => `/print/register?${new URLSearchParams({ from, to }).toString()}`,
};

function subscribe(onChange: () => void): () => void {
  // The leave guard's listener comes first: it may keep the address on a form with unsaved changes.
  installLeaveGuard();
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentPath(): string {
  const path = window.location.hash.replace(/^#/, '');
  return path === '' ? '/' : path;
}

/** The query of the current route ("from=…&to=…"), '' when it has none. */
export function routeQuery(): string {
  const path = currentPath();
  const at = path.indexOf('?');
  return at < 0 ? '' : path.slice(at + 1);
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
