import { useSyncExternalStore } from 'react';

/**
 * A tiny hash router: the route is the part of location.hash after "#" ("#/users" → "/users").
 * Hash routes work the same from Electron's app:// files and from the browser host.
 */
export const routes = ['/', '/users', '/settings', '/setup', '/login'] as const;
export type Route = (typeof routes)[number];

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

export function href(route: Route): string {
  return `#${route}`;
}

/** Goes to a route; `replace` keeps the history clean when the app (not the user) moves. */
export function navigate(route: Route, replace = false): void {
  if (currentPath() === route) return;
  if (replace) window.location.replace(href(route));
  else window.location.hash = route;
}
