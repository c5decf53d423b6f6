import { describe, expect, it } from 'vitest';
import { officeInBrowser } from './support/office-browser';
import { DemoSetupPage, Layout, LoginPage, SetupPage } from './support/pages';
import { admin } from './support/people';
import { RegisterList } from './support/register-pages';

/**
 * Trying the app: on a new machine the setup screen offers demo data; the demo office opens with a
 * year of generated records, and the title bar says it is demo data.
 */
describe('demo data from the setup screen', () => {
  const app = officeInBrowser({ setUp: false });

  it('offers demo data on the setup screen and creates the demo office with the administrator typed', async () => {
    const { page, screenshot } = app.watched;
    await page.goto(app.host.url);
    await new SetupPage(page).heading().waitFor();
    const demo = new DemoSetupPage(page);
    await demo.open();
    await screenshot('demo-01-form');
    await demo.fill(admin);
    await demo.submit();
    const login = new LoginPage(page);
    await login.heading().waitFor({ timeout: 60_000 });
    await page.getByText('Dữ liệu mẫu').first().waitFor();
    await screenshot('demo-02-login');
    await login.login(admin.username, admin.password);
  });

  it('marks the title bar as demo data and shows generated reports in the register', async () => {
    const { page, screenshot } = app.watched;
    const layout = new Layout(page);
    await layout.waitUntilShown();
    await layout.banner().getByText('Dữ liệu mẫu', { exact: true }).waitFor();
    expect(await layout.banner().getByText('Công an xã Quảng Hưng').count()).toBe(1);
    await layout.open('Sổ tiếp nhận tin báo');
    const list = new RegisterList(page);
    await list.heading().waitFor();
    await list.rows().first().waitFor();
    const total = Number(((await list.total().textContent()) ?? '').replace(/\D/g, ''));
    expect(total).toBeGreaterThan(250);
    expect(await list.rows().count()).toBeGreaterThan(10);
    const year = new Date().getFullYear();
    expect(await list.rows().first().textContent()).toMatch(new RegExp(`/(${year}|${year - 1})`));
    await screenshot('demo-03-register');
    expect(app.watched.errors).toEqual([]);
  });
});
