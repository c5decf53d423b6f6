import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRegisterOffice, type RegisterOffice } from '../support/register-store';
import { ensureRendererBuilt, launchBrowser, loginHost, openPage, startHost, type Host, type HostSession, type WatchedPage } from './support/host';
import { Layout, LoginPage } from './support/pages';
import { RegisterList } from './support/register-pages';

/**
 * A search matching more than 10,000 reports (issue #23): the backend stops counting there, and the
 * register says so ("Hơn 10.000 kết quả") instead of a total it does not know, showing the first
 * 10,000 in register order; a narrower search is counted exactly again.
 */

const COUNT = 16_000;

describe('a search matching more than 10,000 reports', () => {
  let dir: string;
  let office: RegisterOffice;
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;
  let api: HostSession;

  beforeAll(async () => {
    ensureRendererBuilt();
    dir = mkdtempSync(join(tmpdir(), 'so-antt-broad-'));
    office = await makeRegisterOffice(dir, COUNT);
    host = await startHost({ dataDir: dir });
    api = await loginHost(host, office.username, office.password);
    browser = await launchBrowser();
    watched = await openPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('says "Hơn 10.000 kết quả" and lists the first of them; a narrower search shows its exact total', async () => {
    const broad = await api('reports.list', { filters: { q: 'tai' }, limit: 100 });
    if (!broad.ok) throw new Error(JSON.stringify(broad.error));
    expect([broad.value.total, broad.value.totalCapped]).toEqual([10_000, true]);

    const { page } = watched;
    await page.goto(host.url);
    await new LoginPage(page).login(office.username, office.password);
    const layout = new Layout(page);
    await layout.waitUntilShown();
    await layout.open('Sổ tiếp nhận tin báo');
    const list = new RegisterList(page);
    await list.search().fill('tai');
    const status = page.getByRole('status').filter({ hasText: 'Hơn 10.000 kết quả' });
    await status.waitFor();
    expect(await status.textContent()).toContain('thu hẹp tìm kiếm');
    await expect.poll(() => list.rows().count()).toBeGreaterThanOrEqual(10);
    expect(await list.rows().first().locator('.register-number').textContent()).toBe(broad.value.rows[0]!.number);
    expect(await list.table().getAttribute('aria-rowcount')).toBe('10001');
    await watched.screenshot('register-broad-search');

    const narrow = await api('reports.list', { filters: { q: 'lua dao' }, limit: 1 });
    if (!narrow.ok) throw new Error(JSON.stringify(narrow.error));
    expect(narrow.value.totalCapped).toBeUndefined();
    await list.find('lua dao', narrow.value.total!);
    expect(await page.getByText('Hơn 10.000 kết quả').count()).toBe(0);
    expect(watched.errors).toEqual([]);
  });
});
