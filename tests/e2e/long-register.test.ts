import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRegisterOffice, type RegisterOffice } from '../support/register-store';
import { ensureRendererBuilt, launchBrowser, loginHost, openPage, startHost, type Host, type HostSession, type WatchedPage } from './support/host';
import { Layout, LoginPage } from './support/pages';
import { RegisterList } from './support/register-pages';

/**
 * A register too tall to lay out (issue #8): the virtual table caps its scroll height and maps the
 * scroll position onto the whole list. A million rows pass the real cap (10 million px); here 50,000
 * reports (2.4 million px) pass a cap lowered to 1 million px in the page's style (--vtable-max-height), which exercises the
 * same mapping. Scrolled to the end, to the middle and moved by the keyboard, the list shows the
 * register numbers the backend has at those positions.
 */

const COUNT = 50_000;
const CAP = 1_000_000;

describe('a register longer than the scroll height', () => {
  let dir: string;
  let office: RegisterOffice;
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;
  let api: HostSession;

  /** The register number the backend has at `index` in the default order (newest first). */
  const numberAt = async (index: number) => {
    const result = await api('reports.list', { offset: index, limit: 1 });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value.rows[0]!.number;
  };

  /** The rows inside the scroll box's view: their position in the list and their register number. */
  const shownRows = (page: Page) =>
    page.evaluate(() => {
      const box = document.querySelector('.vtable-scroll')!;
      const head = box.querySelector('thead')!.getBoundingClientRect();
      const view = box.getBoundingClientRect();
      return [...box.querySelectorAll<HTMLTableRowElement>('tbody tr[data-index]')]
        .filter((row) => {
          const r = row.getBoundingClientRect();
          return r.top >= head.bottom - 1 && r.bottom <= view.bottom + 1;
        })
        .map((row) => ({ index: Number(row.dataset.index), rowIndex: Number(row.getAttribute('aria-rowindex')), number: row.querySelector('.register-number')?.textContent ?? null }));
    });

  /** Waits until every row in view is loaded, then returns them. */
  const loadedRows = async (page: Page) => {
    await page.waitForFunction(() => {
      const box = document.querySelector('.vtable-scroll')!;
      const view = box.getBoundingClientRect();
      const rows = [...box.querySelectorAll('tbody tr[data-index]')].filter((row) => {
        const r = row.getBoundingClientRect();
        return r.bottom > view.top && r.top < view.bottom;
      });
      return rows.length > 0 && rows.every((row) => row.querySelector('.register-number'));
    });
    return shownRows(page);
  };

  const expectNumbers = async (rows: { index: number; rowIndex: number; number: string | null }[]) => {
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const row of [rows[0]!, rows[rows.length - 1]!]) {
      expect(row.rowIndex).toBe(row.index + 2);
      expect(row.number).toBe(await numberAt(row.index));
    }
    // Consecutive rows, one under the other.
    rows.forEach((row, i) => expect(row.index).toBe(rows[0]!.index + i));
  };

  beforeAll(async () => {
    ensureRendererBuilt();
    dir = mkdtempSync(join(tmpdir(), 'so-antt-long-'));
    office = await makeRegisterOffice(dir, COUNT);
    host = await startHost({ dataDir: dir });
    api = await loginHost(host, office.username, office.password);
    browser = await launchBrowser();
    watched = await openPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the newest reports first, in a scroll box capped below the rows’ full height', async () => {
    const { page } = watched;
    await page.goto(host.url);
    await new LoginPage(page).login(office.username, office.password);
    const layout = new Layout(page);
    await layout.waitUntilShown();
    // The style sheet's cap, lowered for this page (the CSP allows no style element; a style property is fine).
    await page.evaluate((cap) => document.documentElement.style.setProperty('--vtable-max-height', String(cap)), CAP);
    await layout.open('Sổ tiếp nhận tin báo');
    const list = new RegisterList(page);
    await list.total().filter({ hasText: `Tổng số: ${COUNT.toLocaleString('de-DE')}` }).waitFor();
    const height = await page.locator('.vtable-scroll').evaluate((box) => box.scrollHeight);
    expect(height).toBeLessThan(CAP + 1_000);
    expect(height).toBeGreaterThanOrEqual(CAP);
    expect(await list.table().getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    const rows = await loadedRows(page);
    expect(rows[0]!.index).toBe(0);
    await expectNumbers(rows);
  });

  it('reaches the last row (the first report of the oldest year) by scrolling to the end', async () => {
    const { page } = watched;
    await page.locator('.vtable-scroll').evaluate((box) => box.scrollTo({ top: box.scrollHeight }));
    const rows = await loadedRows(page);
    expect(rows[rows.length - 1]!.index).toBe(COUNT - 1);
    expect(rows[rows.length - 1]!.number).toMatch(/^1\/\d{4}$/);
    await expectNumbers(rows);
  });

  it('shows the middle of the register half way down the scroll bar', async () => {
    const { page } = watched;
    await page.locator('.vtable-scroll').evaluate((box) => box.scrollTo({ top: (box.scrollHeight - box.clientHeight) / 2 }));
    const rows = await loadedRows(page);
    const middle = rows[Math.floor(rows.length / 2)]!.index;
    expect(Math.abs(middle - COUNT / 2)).toBeLessThan(20);
    await expectNumbers(rows);
  });

  it('moves by the keyboard: End to the last row, Home to the first, arrows one by one, Enter opens', async () => {
    const { page } = watched;
    const focused = () => page.evaluate(() => Number((document.activeElement as HTMLElement | null)?.dataset.index ?? -1));
    const list = new RegisterList(page);
    await list.rows().first().focus();
    const start = await focused();
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe(start + 1);
    await page.keyboard.press('End');
    await expect.poll(focused).toBe(COUNT - 1);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe(COUNT - 2);
    await expectNumbers(await loadedRows(page));
    await page.keyboard.press('Home');
    await expect.poll(focused).toBe(0);
    await page.keyboard.press('PageDown');
    const paged = await focused();
    expect(paged).toBeGreaterThan(3);
    const rows = await loadedRows(page);
    expect(rows.some((row) => row.index === paged)).toBe(true);
    const number = await numberAt(paged);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Tin báo số ${number}`, exact: true }).waitFor();
    expect(watched.errors).toEqual([]);
  });
});
