import { describe, expect, it } from 'vitest';
import { loginHost } from './support/host';
import { officeInBrowser } from './support/office-browser';
import { admin } from './support/people';
import { LoginPage } from './support/pages';
import { ProgramView } from './support/people-pages';

/**
 * Editing a management program (programs.update, issue #18) in Chromium: the panel opens with the
 * program's values, a typed end without a reason is refused with the form kept, the corrected decision and
 * start are saved and the computed end follows the start.
 */
describe('editing a management program', () => {
  const app = officeInBrowser();
  const NAME = 'Hà Văn Tùng';
  const exact = { exact: true } as const;

  it('corrects the decision and the start; the end follows; a typed end needs a reason', async () => {
    const asAdmin = await loginHost(app.host, admin.username, admin.password);
    const person = await asAdmin('persons.create', { fullName: NAME, birthYear: 1992, gender: 'male' });
    if (!person.ok) throw new Error(JSON.stringify(person.error));
    const program = await asAdmin('programs.create', { personId: person.value.id, kindCode: 'drug_user', decisionNo: '12/QĐ-UBND', startDate: '2026-03-02' });
    if (!program.ok) throw new Error(JSON.stringify(program.error));

    const { page, screenshot } = app.watched;
    await page.goto(app.host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
    await page.goto(`${app.host.url}/#/programs/${program.value.id}`);
    const view = new ProgramView(page);
    await view.heading(NAME).waitFor();
    await page.getByRole('button', { name: 'Sửa chương trình' }).click();
    const panel = page.getByRole('region', { name: 'Sửa chương trình quản lý' });
    expect(await panel.getByLabel('Số quyết định', exact).inputValue()).toBe('12/QĐ-UBND');
    expect(await panel.getByLabel('Ngày bắt đầu', exact).inputValue()).toBe('02/03/2026');

    await panel.getByLabel('Số quyết định', exact).fill('15/QĐ-UBND');
    await panel.getByLabel('Ngày bắt đầu', exact).fill('05/03/2026');
    await panel.getByLabel('Ngày kết thúc', exact).fill('2027-01-31');
    await panel.getByRole('button', { name: 'Lưu', exact: true }).click();
    await panel.getByRole('alert').first().waitFor();
    expect(await panel.getByLabel('Số quyết định', exact).inputValue()).toBe('15/QĐ-UBND');
    await screenshot('program-edit-01-reason-needed');

    await panel.getByLabel('Ngày kết thúc', exact).fill('');
    await panel.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu chương trình quản lý.' }).waitFor();
    await expect.poll(() => view.details().textContent()).toContain('15/QĐ-UBND');
    const details = await view.details().textContent();
    expect(details).toContain('05/03/2026');
    expect(details).toContain('05/03/2027');
    await screenshot('program-edit-02-saved');
    expect(app.watched.errors).toEqual([]);
  });
});
