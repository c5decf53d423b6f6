import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, launchBrowser, openPage, startHost, type Host, type WatchedPage } from './support/host';
import { setUpOffice } from './support/office-browser';
import { admin } from './support/people';
import { Layout, LoginPage } from './support/pages';

/**
 * The app started again after a session that did not end (a power cut): the login screen says the
 * login will check the whole store first, and the login works; once the store is open, the notice is
 * gone.
 */
describe('starting again after a session that did not end', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'so-antt-unclean-'));
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;

  beforeAll(async () => {
    ensureRendererBuilt();
    const first = await startHost({ dataDir });
    await setUpOffice(first);
    await first.stop();
    // What a power cut leaves: the marker of the open session (a clean close removes it).
    writeFileSync(join(dataDir, 'so-antt.sqlite.open'), '4242');
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    watched = await openPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells on the login screen that the data is checked first, then logs in', async () => {
    const { page, screenshot } = watched;
    await page.goto(host.url);
    const login = new LoginPage(page);
    await login.heading().waitFor();
    const notice = page.getByText('Lần trước phần mềm không được đóng bình thường');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('kiểm tra toàn bộ dữ liệu');
    await screenshot('unclean-01-login-notice');
    await login.login(admin.username, admin.password);
    const layout = new Layout(page);
    await layout.nav().waitFor();
    await layout.logout();
    await login.heading().waitFor();
    await page.reload();
    await login.heading().waitFor();
    expect(await page.getByText('Lần trước phần mềm không được đóng bình thường').count()).toBe(0);
    expect(watched.errors).toEqual([]);
  });
});
