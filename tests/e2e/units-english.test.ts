import { describe, expect, it } from 'vitest';
import { officeInBrowser } from './support/office-browser';
import { admin } from './support/people';
import { Layout, LoginPage } from './support/pages';

/** In English, the measures' units are English too (issue #18): "Cases detected (cases)", not "(vụ)". */
describe('units in English', () => {
  const app = officeInBrowser();

  it('shows the campaign form’s measures with English units', async () => {
    const { page, screenshot, errors } = app.watched;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    await new Layout(page).waitUntilShown();
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${app.host.url}/#/campaigns/new`);
    await page.getByRole('button', { name: 'Add a target' }).click();
    const measure = page.getByLabel('Measure', { exact: true }).first();
    await measure.waitFor();
    const options = await measure.locator('option').allTextContents();
    expect(options).toContain('Cases detected (cases)');
    expect(options).toContain('Heroin seized (g)');
    expect(options).toContain('Money seized (VND)');
    expect(options.join(' ')).not.toMatch(/\((vụ|người|gam|đồng|chiếc|đợt|tụ điểm)\)/u);
    await measure.selectOption({ label: 'Heroin seized (g)' });
    await screenshot('units-english-campaign-form');
    // Vietnamese again: the Vietnamese units.
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByLabel('Chỉ tiêu', { exact: true }).first().locator('option', { hasText: 'Vụ việc phát hiện (vụ)' }).waitFor({ state: 'attached' });
    expect(errors).toEqual([]);
  });
});
