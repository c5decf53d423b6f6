import { describe, expect, it } from 'vitest';
import { createUserHost, loginHost } from './support/host';
import { officeInBrowser } from './support/office-browser';
import { admin, officer } from './support/people';
import { LoginPage, Layout } from './support/pages';

/**
 * Long unbroken text (a URL in a summary) wraps in every table, and no list page scrolls sideways at
 * 1366×768 (issue #18): each list page's tables are no wider than their frame, nor the page the window.
 */

/** 150 characters with no place a line may break but for the wrap the tables allow. */
const URL_SUMMARY = `Tin báo qua mạng xã hội kèm đường dẫn https://drive.example.vn/${'a1B2c3D4e5'.repeat(15)}`;
const LONG_NAME = 'Quán-internet-https://tudiem.example.vn/duong-dan-rat-dai-khong-co-dau-cach-nao-de-xuong-dong-duoc-o-day';

const LIST_PAGES = ['/reports', '/deadlines', '/persons', '/programs', '/hotspots', '/campaigns', '/movement', '/reminders', '/users', '/audit'] as const;

describe('tables at 1366 px', () => {
  const app = officeInBrowser();

  it('wrap a long URL and never scroll sideways on a list page', async () => {
    const { page, screenshot, errors } = app.watched;
    const asAdmin = await loginHost(app.host, admin.username, admin.password);
    expect((await createUserHost(app.host, asAdmin, { ...officer, role: 'officer' })).ok).toBe(true);
    const asOfficer = await loginHost(app.host, officer.username, officer.password);
    const report = await asOfficer('reports.create', { receivedAt: Date.now() - 3_600_000, channel: 'phone', kind: 'crime_report', summary: URL_SUMMARY, persons: [] });
    if (!report.ok) throw new Error(JSON.stringify(report.error));
    const hotspot = await asOfficer('hotspots.create', { name: LONG_NAME, type: 'gambling', foundOn: '2026-12-01', risk: 'medium' });
    if (!hotspot.ok) throw new Error(JSON.stringify(hotspot.error));

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    await new Layout(page).waitUntilShown();
    for (const path of [...LIST_PAGES, `/reports/${report.value.id}`, `/hotspots/${hotspot.value.id}`]) {
      await page.goto(`${app.host.url}/#${path}`);
      await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
      await page.locator('main table').first().waitFor();
      await page.waitForLoadState('networkidle');
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        window: window.innerWidth,
        tables: [...document.querySelectorAll('main table')].map((table) => ({ name: table.querySelector('caption')?.textContent ?? '', width: table.scrollWidth, frame: table.parentElement?.clientWidth ?? 0 })),
      }));
      expect(widths.page, path).toBeLessThanOrEqual(widths.window);
      for (const table of widths.tables) expect(table.width, `${path}: ${table.name}`).toBeLessThanOrEqual(table.frame + 1);
      if (path === '/reports' || path === '/hotspots' || path.startsWith('/reports/')) await screenshot(`tables-wrap${path.replaceAll('/', '-').slice(0, 30)}`);
    }
    expect(errors).toEqual([]);
  });
});
