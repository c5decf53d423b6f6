import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, launchBrowser, startHost, type Host, type WatchedPage } from './support/host';
import { LoginPage } from './support/pages';
import { admin } from './support/people';
import { flatText, openPrintPage, pdfInfo, pdfText, printToPdf, renderPng, waitForDocument } from './support/print-support';
import type { ApiClient } from './support/api-client';
import { setUpOffice } from './support/office-browser';

/**
 * The link chart (Sơ đồ liên hệ) of a person with four links, on screen and printed: the five nodes are
 * laid out on a ring around the person (graph-layout.ts, whose unit test checks the label boxes), and
 * the printed chart is a document with the office's header and its links written out, without the
 * screen's instructions. The PDF is read back with poppler.
 */

const CENTRE = 'Trần Văn Hùng';
const OTHERS = ['Lê Thị Mai', 'Nguyễn Văn Bảo', 'Phạm Thị Cúc', 'Đỗ Văn Dũng'];

describe('the link chart', () => {
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;
  let api: ApiClient;
  let centreId = '';

  beforeAll(async () => {
    ensureRendererBuilt();
    host = await startHost();
    api = await setUpOffice(host, { login: true });
    centreId = (await api.call('persons.create', { fullName: CENTRE, birthYear: 1988 })).id;
    for (const [index, fullName] of OTHERS.entries()) {
      const other = await api.call('persons.create', { fullName, birthYear: 1990 + index });
      await api.call('persons.link', { personId: centreId, otherId: other.id, kind: index % 2 === 0 ? 'associate' : 'family', note: '' });
    }
    browser = await launchBrowser();
    watched = await openPrintPage(browser);
    await watched.page.goto(host.url);
    await new LoginPage(watched.page).login(admin.username, admin.password);
    await watched.page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('draws the five nodes on the screen', async () => {
    const { page, screenshot, errors } = watched;
    await page.goto(`${host.url}/#/graph/person/${centreId}`);
    await page.getByRole('heading', { name: `Sơ đồ liên hệ: ${CENTRE}`, level: 1 }).waitFor();
    await page.locator('.graph-canvas[data-drawn="true"]').waitFor();
    expect(await page.getByRole('list', { name: 'Các nút của sơ đồ' }).getByRole('listitem').count()).toBe(5);
    await screenshot('graph-screen');
    expect(errors).toEqual([]);
  });

  it('prints the chart as a document with its header and the links written out', async () => {
    const { page, screenshot, errors } = watched;
    await page.getByRole('link', { name: 'In sơ đồ' }).click();
    await waitForDocument(page);
    await page.getByRole('heading', { name: 'SƠ ĐỒ LIÊN HỆ', level: 1 }).waitFor();
    await page.locator('.doc-graph .graph-canvas[data-drawn="true"]').waitFor();
    await screenshot('graph-print-screen');
    const file = await printToPdf(page, 'graph');
    // The chart on page 1 with its title; its links may run on to page 2.
    expect(pdfInfo(file).pages).toBeGreaterThanOrEqual(1);
    expect(flatText(pdfText(file, 1))).toContain(`SƠ ĐỒ LIÊN HỆ Các mối liên hệ của ${CENTRE}`);
    const flat = flatText(pdfText(file));
    for (const expected of ['CÔNG AN XÃ QUẢNG HƯNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SƠ ĐỒ LIÊN HỆ', `Các mối liên hệ của ${CENTRE}`, 'Sơ đồ gồm 5 nút và 4 mối liên hệ', 'Quan hệ', ...OTHERS]) {
      expect(flat, `the chart has "${expected}"`).toContain(expected);
    }
    // Not the screen's instructions or buttons.
    expect(flat).not.toContain('Bấm vào một nút');
    expect(flat).not.toContain('Quay lại hồ sơ');
    renderPng(file, 'graph');
    expect(errors).toEqual([]);
  });
});
