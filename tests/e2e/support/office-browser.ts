import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ApiClient } from './api-client';
import { ensureRendererBuilt, launchBrowser, openPage, startHost, type Host, type WatchedPage } from './host';
import { admin, office } from './people';

/**
 * The office and its administrator (support/people.ts), set up through the host's API (setup itself:
 * foundation.test.ts). The client returned calls as that administrator when `login` asks for it (to
 * arrange records without the interface); tests of the screens log in through them instead.
 */
export async function setUpOffice(host: Host, { login = false }: { readonly login?: boolean } = {}): Promise<ApiClient> {
  const api = new ApiClient(host);
  await api.call('setup.create', {
    office: { name: office.name, code: office.code, level: 'commune', parentName: office.parentName, parentCode: office.parentCode },
    localities: [...office.localities],
    admin: { ...admin, passwordConfirm: admin.password },
  });
  if (login) await api.call('auth.login', { username: admin.username, password: admin.password });
  return api;
}

export interface OfficeInBrowser {
  readonly host: Host;
  readonly browser: Browser;
  readonly watched: WatchedPage;
}

/**
 * Called in a describe: before its tests, the browser host on a new folder with the office set up (or,
 * with `setUp: false`, a new machine on the setup screen), and Chromium with a watched page; after
 * them, both stopped. `env` is added to the host's environment (the test hooks, e.g.
 * SO_ANTT_TEST_LEGACY_STEP_MS). The fields are there once the tests run.
 */
export function officeInBrowser(options: { readonly setUp?: boolean; readonly env?: Readonly<Record<string, string>> } = {}): OfficeInBrowser {
  const state: { host?: Host; browser?: Browser; watched?: WatchedPage } = {};
  beforeAll(async () => {
    ensureRendererBuilt();
    state.host = await startHost({ env: options.env });
    if (options.setUp ?? true) await setUpOffice(state.host);
    state.browser = await launchBrowser();
    state.watched = await openPage(state.browser);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.host?.stop();
  });
  return {
    get host() {
      return state.host!;
    },
    get browser() {
      return state.browser!;
    },
    get watched() {
      return state.watched!;
    },
  };
}
