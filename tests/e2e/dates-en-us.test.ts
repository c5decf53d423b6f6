import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../renderer/format';
import { launchBrowser, openPage, type WatchedPage } from './support/host';
import { officeInBrowser } from './support/office-browser';
import { admin } from './support/people';
import { Layout, LoginPage } from './support/pages';
import { ReportForm, ReportView } from './support/register-pages';

/**
 * Dates read dd/mm/yyyy and times 24-hour in a Chromium whose own language is English (issue #18):
 * the browser's date and time inputs follow its locale (12/07/2026 for 7 December, 02:30 PM), so the
 * app's date fields are its own. The file button is in Vietnamese too. At 1366×768.
 */

const exact = { exact: true } as const;

describe('dates and the file button in an en-US Chromium', () => {
  const app = officeInBrowser();
  let browser: Browser;
  let watched: WatchedPage;

  beforeAll(async () => {
    browser = await launchBrowser(['--lang=en-US']);
    watched = await openPage(browser, { locale: 'en-US', viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the report form shows and takes dd/mm/yyyy and a 24-hour time; a bad date is refused and kept', async () => {
    const { page, screenshot, errors } = watched;
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await page.goto(app.host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    await new Layout(page).open('Sổ tiếp nhận tin báo');
    await page.getByRole('link', { name: 'Thêm tin báo' }).click();
    const form = new ReportForm(page);
    await form.form().waitFor();
    const date = form.field('Ngày tiếp nhận');
    const time = form.field('Giờ tiếp nhận');
    // Today, as an office writes it.
    expect(await date.inputValue()).toBe(formatDate(Date.now()));
    expect(await time.inputValue()).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    expect(await date.getAttribute('placeholder')).toBe('dd/mm/yyyy');

    await form.fill({ summary: 'Mất trộm xe máy trước cửa nhà văn hóa thôn', kind: 'Tin báo về tội phạm' });
    await date.fill('31/11/2026');
    await time.fill('14:30');
    await form.submit();
    await form.form().getByText('Ngày không hợp lệ.').first().waitFor();
    expect(await date.inputValue()).toBe('31/11/2026');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await screenshot('dates-01-en-us-refused');

    // 1 December 2026, which a US reading of 01/12 would take for 12 January.
    await date.fill('1/12/2026');
    await date.blur();
    expect(await date.inputValue()).toBe('01/12/2026');
    await form.submit();
    const view = new ReportView(page);
    await view.heading().waitFor();
    await page.getByText('01/12/2026 14:30').first().waitFor();
    expect(await page.getByText(/\b(AM|PM)\b/).count()).toBe(0);
    expect(await page.getByText('12/01/2026').count()).toBe(0);
    await screenshot('dates-02-en-us-report');
    expect(errors).toEqual([]);
  });

  it('the file button says "Chọn tệp…", not the browser\'s English, and still takes a file', async () => {
    const { page, screenshot, errors } = watched;
    const button = page.getByRole('button', { name: /^Chọn tệp…/ });
    await button.waitFor();
    expect(await page.getByText('No file chosen').count()).toBe(0);
    expect(await page.getByText('Choose File').count()).toBe(0);
    // The native input stays for assistive technology and the file dialog, out of sight and out of the tab order.
    const input = page.getByLabel('Thêm tệp đính kèm', exact);
    expect(await input.getAttribute('tabindex')).toBe('-1');
    const chooser = page.waitForEvent('filechooser');
    await button.click();
    await (await chooser).setFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await page.getByRole('table').filter({ hasText: 'bien-ban.pdf' }).first().waitFor();
    await screenshot('dates-03-file-button');
    expect(errors).toEqual([]);
  });
});
