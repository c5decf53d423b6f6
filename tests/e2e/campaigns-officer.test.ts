import { describe, expect, it } from 'vitest';
import { createUserHost, loginHost } from './support/host';
import { officeInBrowser } from './support/office-browser';
import { admin, officer } from './support/people';
import { Layout, LoginPage } from './support/pages';

/**
 * An officer on the campaigns page is told that a chief opens campaigns (issue #18), at 1366×768; the
 * settings page names management categories without their code names.
 */
describe('the campaigns page for an officer', () => {
  const app = officeInBrowser();

  it('says a chief opens campaigns and offers no button to open one; a chief sees the button and no such notice', async () => {
    const { page, screenshot, errors } = app.watched;
    const asAdmin = await loginHost(app.host, admin.username, admin.password);
    const added = await createUserHost(app.host, asAdmin, { ...officer, role: 'officer' });
    expect(added.ok).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.host.url);
    await new LoginPage(page).login(officer.username, officer.password);
    const layout = new Layout(page);
    await layout.open('Đợt cao điểm');
    await page.getByText('Đợt cao điểm do Trưởng Công an xã (hoặc quản trị viên) mở và sửa.', { exact: false }).waitFor();
    expect(await page.getByRole('link', { name: 'Mở đợt cao điểm' }).count()).toBe(0);
    await screenshot('campaigns-officer-notice');
    await layout.logout();

    await new LoginPage(page).login(admin.username, admin.password);
    await layout.open('Đợt cao điểm');
    await page.getByRole('link', { name: 'Mở đợt cao điểm' }).waitFor();
    expect(await page.getByText('Đợt cao điểm do Trưởng Công an xã', { exact: false }).count()).toBe(0);

    // No code names on screen: the management categories are named, not coded (drug_user).
    await layout.open('Cài đặt');
    await page.getByText('Người sử dụng trái phép chất ma túy', { exact: false }).first().waitFor();
    expect(await page.getByText('drug_user').count()).toBe(0);
    expect(await page.locator("body").evaluate((body) => (body as HTMLElement).innerText.match(/\b[a-z]+_[a-z_]+\b/g))).toBeNull();

    // A new category needs neither a code name nor an English name: English shows the Vietnamese one.
    const addKind = page.getByRole('form', { name: 'Thêm diện quản lý' });
    expect(await addKind.getByLabel('Mã', { exact: true }).count()).toBe(0);
    await addKind.getByLabel('Tên tiếng Việt', { exact: true }).fill('Người chấp hành xong án treo');
    await addKind.getByRole('button', { name: 'Thêm diện quản lý' }).click();
    await page.getByRole('table', { name: 'Diện quản lý đối tượng' }).getByText('Người chấp hành xong án treo').waitFor();
    await screenshot('words-kind-added');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('table').filter({ hasText: 'Người chấp hành xong án treo' }).first().waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    expect(errors).toEqual([]);
  });
});
