import { describe, expect, it } from 'vitest';
import { loginHost, type HostSession } from './support/host';
import { officeInBrowser } from './support/office-browser';
import { admin } from './support/people';
import { Layout, LoginPage } from './support/pages';
import { PersonsList } from './support/people-pages';

/**
 * Words and lists of issue #18, in Chromium through the browser host: the Đối tượng are suspects and
 * people under management (the người liên quan on asking), each person with their roles; categories
 * grouped and ordered on every form and filter; messages that state the limit; the supervision and
 * hotspot tiles open their lists filtered to what they count.
 */
const DAY = 86_400_000;
/** Today in Vietnam, less some days, as yyyy-mm-dd. */
const daysAgo = (n: number) => new Date(Date.now() + 7 * 3_600_000 - n * DAY).toISOString().slice(0, 10);
const exact = { exact: true } as const;

async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const outcome = await result;
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.value;
}

describe('the officer’s words and lists', () => {
  const app = officeInBrowser();
  let call: HostSession;

  it('lists the Đối tượng only, each with their roles; everyone with the người liên quan on asking', async () => {
    const { page, screenshot, errors } = app.watched;
    call = await loginHost(app.host, admin.username, admin.password);
    const person = (fullName: string, birthYear: number) => must(call('persons.create', { fullName, birthYear }));
    const suspect = await person('Lê Văn Cường', 1990);
    const victim = await person('Phạm Thị Dung', 1985);
    const managed = await person('Đỗ Văn Đức', 1999);
    await must(
      call('reports.create', {
        receivedAt: Date.now() - DAY,
        channel: 'phone',
        kind: 'crime_report',
        summary: 'Trộm xe máy tại chợ',
        persons: [
          { personId: suspect.id, role: 'suspect' },
          { personId: victim.id, role: 'victim' },
        ],
      }),
    );
    // Checked in every 30 days: started 40 days ago, the first check-in is 10 days overdue.
    await must(call('programs.create', { personId: managed.id, kindCode: 'drug_user', startDate: daysAgo(40) }));

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.host.url);
    await new LoginPage(page).login(admin.username, admin.password);
    await new Layout(page).waitUntilShown();
    await page.goto(`${app.host.url}/#/persons`);
    const list = new PersonsList(page);
    await list.heading().waitFor();
    await list.row('Lê Văn Cường').waitFor();
    expect(await list.page.getByRole('search').getByLabel('Hiển thị', exact).inputValue()).toBe('subjects');
    const names = async () => (await list.table().locator('tbody tr[tabindex="0"] th').allTextContents()).map((name) => name.trim());
    expect(await names()).toEqual(['Đỗ Văn Đức', 'Lê Văn Cường']);
    expect(await list.row('Lê Văn Cường').getByRole('cell').first().textContent()).toBe('Đối tượng');
    expect(await list.row('Đỗ Văn Đức').getByRole('cell').first().textContent()).toBe('Đang bị quản lý');
    await screenshot('daily-01-doi-tuong');

    await page.getByRole('search').getByLabel('Hiển thị', exact).selectOption({ label: 'Cả người liên quan' });
    await list.row('Phạm Thị Dung').waitFor();
    expect(await names()).toEqual(['Đỗ Văn Đức', 'Lê Văn Cường', 'Phạm Thị Dung']);
    expect(await list.row('Phạm Thị Dung').getByRole('cell').first().textContent()).toBe('Người bị hại');
    await screenshot('daily-02-nguoi-lien-quan');
    expect(errors).toEqual([]);
  });

  it('offers the categories under their groups, each group once, in the office’s order, on the form and the filter', async () => {
    const { page, screenshot, errors } = app.watched;
    const groupsOf = async (select: ReturnType<typeof page.getByLabel>) =>
      select.locator('optgroup').evaluateAll((groups) => groups.map((group) => ({ label: group.getAttribute('label'), first: group.querySelector('option')?.textContent })));
    await page.goto(`${app.host.url}/#/reports/new`);
    const category = page.getByRole('form').getByLabel('Phân loại', exact);
    await category.waitFor();
    const formGroups = await groupsOf(category);
    const labels = formGroups.map((group) => group.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(formGroups[0]).toEqual({ label: 'Tội phạm về trật tự xã hội', first: 'Trộm cắp tài sản' });
    expect(formGroups[1]).toEqual({ label: 'Tội phạm về kinh tế, tham nhũng, buôn lậu', first: 'Tham nhũng' });
    expect(labels.at(-1)).toBe('Khác');
    await category.focus();
    await screenshot('daily-03-category-groups');

    await page.goto(`${app.host.url}/#/reports`);
    const filter = page.getByRole('search').getByLabel('Phân loại', exact);
    await filter.waitFor();
    expect(await groupsOf(filter)).toEqual(formGroups);
    expect(errors).toEqual([]);
  });

  it('says the limit a field passed, and keeps what was typed', async () => {
    const { page, screenshot, errors } = app.watched;
    await page.goto(`${app.host.url}/#/persons/new`);
    const form = page.getByRole('form', { name: 'Thêm đối tượng' });
    const name = form.getByLabel('Họ và tên', exact);
    await name.waitFor();
    const long = `Nguyễn ${'Văn '.repeat(25)}An`;
    await name.fill(long);
    await form.getByRole('button', { name: 'Lưu hồ sơ', exact: true }).click();
    await form.getByText('Họ và tên tối đa 100 ký tự.', exact).waitFor();
    expect(await name.inputValue()).toBe(long);
    await screenshot('daily-04-limit-message');
    // Nothing left typed: leaving asks nothing.
    await name.fill('');
    expect(errors).toEqual([]);
  });

  it('opens the supervision and hotspot lists filtered to what each dashboard tile counts', async () => {
    const { page, screenshot, errors } = app.watched;
    // A hotspot found 25 days ago and reviewed every 30 days: due in 5 days, within the tiles' 7.
    await must(call('hotspots.create', { name: 'Quán bi-a Thôn Đông', type: 'gambling', foundOn: daysAgo(25), risk: 'medium', reviewDays: 30 }));
    const soon = await must(call('persons.create', { fullName: 'Vũ Văn Giang', birthYear: 1995 }));
    // Started 25 days ago: the first check-in is in 5 days.
    await must(call('programs.create', { personId: soon.id, kindCode: 'drug_user', startDate: daysAgo(25) }));

    await page.goto(`${app.host.url}/#/`);
    const people = page.getByRole('region', { name: 'Đối tượng và tụ điểm (7 ngày tới)' });
    const tile = (label: string) => people.getByRole('link').filter({ hasText: label });
    const count = async (label: string) => Number(((await tile(label).locator('.tile-count').textContent()) ?? '').replace(/\D/g, ''));
    await tile('Việc quản lý đối tượng quá hạn').locator('.tile-count').filter({ hasText: /\d/ }).waitFor();
    await screenshot('daily-05-dashboard-tiles');

    const overdue = await count('Việc quản lý đối tượng quá hạn');
    expect(overdue).toBeGreaterThan(0);
    await tile('Việc quản lý đối tượng quá hạn').click();
    await page.getByRole('heading', { name: 'Nhắc việc', level: 1 }).waitFor();
    await page.getByRole('heading', { name: `Quá hạn (${overdue})`, level: 2 }).waitFor();
    expect(await page.getByRole('heading', { name: /^Sắp đến hạn/, level: 2 }).count()).toBe(0);
    expect(page.url()).toContain('show=overdue');
    expect(await page.getByLabel('Trong vòng', exact).inputValue()).toBe('7');
    await screenshot('daily-06-reminders-overdue');

    await page.goto(`${app.host.url}/#/`);
    await tile('Việc quản lý đối tượng sắp đến hạn').locator('.tile-count').filter({ hasText: /\d/ }).waitFor();
    const upcoming = await count('Việc quản lý đối tượng sắp đến hạn');
    await tile('Việc quản lý đối tượng sắp đến hạn').click();
    await page.getByRole('heading', { name: `Sắp đến hạn (${upcoming})`, level: 2 }).waitFor();
    expect(await page.getByRole('heading', { name: /^Quá hạn/, level: 2 }).count()).toBe(0);
    await page.getByRole('link', { name: 'Vũ Văn Giang' }).waitFor();

    await page.goto(`${app.host.url}/#/`);
    await tile('Tụ điểm đến hạn kiểm tra').locator('.tile-count').filter({ hasText: /\d/ }).waitFor();
    const review = await count('Tụ điểm đến hạn kiểm tra');
    expect(review).toBe(1);
    await tile('Tụ điểm đến hạn kiểm tra').click();
    await page.getByRole('heading', { name: 'Tụ điểm đến hạn', level: 1 }).waitFor();
    await page.getByRole('heading', { name: `Đến hạn kiểm tra (${review})`, level: 2 }).waitFor();
    expect(await page.getByRole('heading', { name: /^Đã triệt xóa/, level: 2 }).count()).toBe(0);
    await page.getByRole('link', { name: 'Quán bi-a Thôn Đông' }).waitFor();
    expect(page.url()).toContain('show=review');
    await screenshot('daily-07-hotspots-review');

    // The list's own choice changes the address: back to both sections.
    await page.getByLabel('Hiển thị', exact).selectOption({ label: 'Tất cả' });
    await page.getByRole('heading', { name: /^Đã triệt xóa/, level: 2 }).waitFor();
    expect(page.url()).not.toContain('show=');
    expect(errors).toEqual([]);
  });
});
