import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, launchBrowser, openPage, root, startHost, type Host, type WatchedPage } from './support/host';
import { LoginPage } from './support/pages';
import { admin } from './support/people';
import { setUpOffice } from './support/office-browser';

/**
 * About (issue #24): the interface says which version of the app runs, package.json's, before login
 * (under the login screen) and after (under the side navigation), in both languages.
 */

const VERSION = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

describe('About', () => {
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;

  beforeAll(async () => {
    ensureRendererBuilt();
    host = await startHost();
    await setUpOffice(host, { login: true });
    browser = await launchBrowser();
    watched = await openPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('shows the version under the login screen', async () => {
    const { page } = watched;
    await page.goto(host.url);
    await new LoginPage(page).heading().waitFor();
    const about = page.getByRole('region', { name: 'Giới thiệu' });
    await about.waitFor();
    expect(await about.textContent()).toBe(`Giới thiệu Sổ ANTT phiên bản ${VERSION}`);
    await watched.screenshot('about-login');
  });

  it('shows it under the side navigation once logged in, and in English when asked', async () => {
    const { page, errors } = watched;
    await new LoginPage(page).login(admin.username, admin.password);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.waitFor();
    const about = nav.getByRole('region', { name: 'Giới thiệu' });
    await about.waitFor();
    expect(await about.textContent()).toBe(`Giới thiệu Sổ ANTT phiên bản ${VERSION}`);
    await watched.screenshot('about-main');

    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('region', { name: 'About' });
    await english.waitFor();
    expect(await english.textContent()).toBe(`About Sổ ANTT version ${VERSION}`);
    expect(errors).toEqual([]);
  });
});
