import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserHost, ensureRendererBuilt, launchBrowser, loginHost, openPage, startHost, type Host, type WatchedPage } from './support/host';
import { setUpOffice } from './support/office-browser';
import { Layout, LoginPage, description, type AccountData } from './support/pages';
import { admin, office } from './support/people';
import { flatText } from './support/print-support';

/**
 * The movement in a real browser: the chief keeps a grassroots security team (a leader, a patrol),
 * adds a self-protection model and rates it effective, evaluates every village and residential group
 * on its checklist, sees the commune reach "Đạt", and looks at another year from the selector at the
 * top of the evaluation. Then the administrator adds a criterion (refused first, with what was typed
 * kept), rewords it and retires it with a reason, and the village checklist follows. The office and
 * the chief are set up through the API.
 */

const chief: AccountData = {
  fullName: 'Trần Văn Trưởng',
  rank: 'Trung tá',
  position: 'Trưởng Công an xã',
  username: 'truong.tv',
  password: 'mat-khau-truong-cong-an-Tràm-Chim',
};

const TEAM = 'Tổ bảo vệ an ninh, trật tự Thôn Đông Hải';
const MODEL = 'Camera an ninh Thôn Đông Hải';
const exact = { exact: true } as const;
const year = new Date().getFullYear();

const region = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });
const safetyTitle = (y: number) => `Đánh giá “an toàn về an ninh, trật tự” năm ${y}`;
const TEXT = 'Không để xảy ra tụ tập gây rối trật tự công cộng';
const REWORDED = 'Không để xảy ra tụ tập đông người gây rối trật tự công cộng';

describe('the movement', () => {
  let host: Host;
  let browser: Browser;
  let watched: WatchedPage;

  beforeAll(async () => {
    ensureRendererBuilt();
    host = await startHost();
    await setUpOffice(host);
    const asAdmin = await loginHost(host, admin.username, admin.password);
    const added = await createUserHost(host, asAdmin, { ...chief, role: 'chief' });
    if (!added.ok) throw new Error(`adding the chief failed: ${JSON.stringify(added.error)}`);
    browser = await launchBrowser();
    watched = await openPage(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('keeps a team with its leader and a patrol', async () => {
    const { page, screenshot, errors } = watched;
    await page.goto(host.url);
    await new LoginPage(page).login(chief.username, chief.password);
    const layout = new Layout(page);
    await layout.waitUntilShown();
    await layout.open('Phong trào');
    await page.getByRole('heading', { name: 'Phong trào toàn dân bảo vệ an ninh Tổ quốc', level: 1 }).waitFor();
    await page.getByText('Chưa có tổ bảo vệ an ninh, trật tự nào.').waitFor();

    await page.getByRole('button', { name: 'Thêm tổ' }).click();
    const teamForm = region(page, 'Thêm tổ');
    await teamForm.getByLabel('Tên tổ', exact).fill(TEAM);
    await teamForm.getByLabel('Ngày thành lập', exact).fill('2024-07-15');
    await teamForm.getByLabel('Thôn Đông Hải', exact).check();
    await teamForm.getByRole('button', { name: 'Lưu tổ' }).click();
    await page.getByText('Đã thêm tổ.').waitFor();
    await page.getByRole('heading', { name: TEAM, level: 3 }).waitFor();

    const memberForm = region(page, 'Thêm thành viên');
    await memberForm.getByLabel('Họ và tên', exact).fill('Lê Văn Tổ');
    await memberForm.getByLabel('Chức danh', exact).selectOption({ label: 'Tổ trưởng' });
    await memberForm.getByLabel('Ngày tham gia', exact).fill('2024-07-15');
    await memberForm.getByRole('button', { name: 'Thêm thành viên' }).click();
    await page.getByText('Đã thêm thành viên.').waitFor();

    const activityForm = region(page, 'Thêm hoạt động');
    await activityForm.getByLabel('Loại hoạt động', exact).selectOption({ label: 'Tuần tra' });
    await activityForm.getByLabel('Ngày', exact).fill(`${year}-05-30`);
    await activityForm.getByLabel('Nội dung', exact).fill('Tuần tra đêm khu bãi sông');
    await activityForm.getByRole('button', { name: 'Thêm hoạt động' }).click();
    await page.getByText('Đã thêm hoạt động.').waitFor();

    const members = page.getByRole('table', { name: 'Thành viên' });
    await members.getByRole('row').filter({ hasText: 'Lê Văn Tổ' }).getByText('Tổ trưởng').waitFor();
    expect(flatText((await members.textContent()) ?? '')).toContain('Từ 15/07/2024');
    const activities = page.getByRole('table', { name: 'Hoạt động' });
    await activities.getByRole('rowheader', { name: 'Tuần tra' }).waitFor();
    expect(flatText((await activities.textContent()) ?? '')).toContain(`30/05/${year}`);
    await screenshot('movement-team');
    expect(errors).toEqual([]);
  });

  it('adds a model and rates it effective', async () => {
    const { page, screenshot, errors } = watched;
    const models = region(page, 'Mô hình tự phòng, tự quản, tự bảo vệ, tự hòa giải');
    await models.getByRole('button', { name: 'Thêm mô hình' }).click();
    const modelForm = region(page, 'Thêm mô hình');
    await modelForm.getByLabel('Tên mô hình', exact).fill(MODEL);
    await modelForm.getByLabel('Loại mô hình', exact).selectOption({ label: 'Tự bảo vệ' });
    await modelForm.getByLabel('Ngày bắt đầu', exact).fill('2025-03-01');
    await modelForm.getByRole('button', { name: 'Lưu mô hình' }).click();
    await page.getByText('Đã thêm mô hình.').waitFor();

    const evaluate = region(page, 'Đánh giá mô hình');
    await evaluate.getByLabel('Mô hình', exact).selectOption({ label: MODEL });
    await evaluate.getByLabel('Xếp loại', exact).selectOption({ label: 'Hiệu quả' });
    await evaluate.getByRole('button', { name: 'Lưu đánh giá' }).click();
    await page.getByText('Đã lưu đánh giá mô hình.').waitFor();
    await models.getByRole('row').filter({ hasText: MODEL }).getByText(`Năm ${year}: Hiệu quả`).waitFor();
    await screenshot('movement-models');
    expect(errors).toEqual([]);
  });

  it('evaluates the villages and sees the commune pass', async () => {
    const { page, screenshot, errors } = watched;
    const safety = region(page, `Đánh giá “an toàn về an ninh, trật tự” năm ${year}`);
    await safety.getByText('Kết quả: Chưa đạt').waitFor();
    expect(flatText((await safety.getByRole('list', { name: 'Chưa đạt vì' }).textContent()) ?? '')).toContain('Dưới 70% thôn, tổ dân phố được công nhận');

    // Every village and residential group of the office passes all its criteria.
    for (const village of office.localities) {
      await safety.getByRole('row').filter({ has: page.getByRole('rowheader', { name: village, exact: true }) }).getByRole('button', { name: 'Đánh giá' }).click();
      const panel = region(page, `Đánh giá ${village}`);
      const criteria = panel.getByRole('group', { name: /^Tiêu chí \d+$/ });
      const count = await criteria.count();
      expect(count).toBeGreaterThan(2);
      for (let i = 0; i < count; i++) await criteria.nth(i).getByLabel('Đạt', exact).check();
      await panel.getByLabel('Căn cứ, minh chứng', exact).first().fill('Biên bản họp dân ngày 20/11');
      if (village === office.localities[0]) await screenshot('movement-evaluation');
      await panel.getByRole('button', { name: 'Lưu đánh giá' }).click();
      await page.getByText(`Đã lưu đánh giá ${village}.`).waitFor();
    }

    await safety.getByText('Kết quả: Đạt', exact).waitFor();
    const n = office.localities.length;
    expect(flatText((await safety.textContent()) ?? '')).toContain(`${n}/${n} = 100%`);
    expect(await safety.getByRole('list', { name: 'Chưa đạt vì' }).count()).toBe(0);
    await screenshot('movement-safety');
    expect(errors).toEqual([]);
  });

  it('chooses the evaluation year at the top of the section; the chief reads the criteria but cannot change them', async () => {
    const { page, errors } = watched;
    const safety = region(page, safetyTitle(year));
    const selector = safety.getByLabel('Năm đánh giá', exact);
    expect(await selector.inputValue()).toBe(String(year));
    // The selector comes first in the section, before the commune's result.
    const first = await safety.evaluate((section) => section.querySelector('select, h3')?.tagName);
    expect(first).toBe('SELECT');

    await selector.selectOption(String(year - 1));
    const before = region(page, safetyTitle(year - 1));
    await before.getByText('Kết quả: Chưa đạt').waitFor();
    const village = before.getByRole('row').filter({ has: page.getByRole('rowheader', { name: office.localities[0] ?? '', exact: true }) });
    // Kind, evaluated, recognised: nothing was evaluated that year.
    expect((await village.getByRole('cell').allTextContents()).slice(0, 3)).toEqual(['Thôn, tổ dân phố', 'Không', 'Không']);
    await before.getByLabel('Năm đánh giá', exact).selectOption(String(year));
    await region(page, safetyTitle(year)).getByText('Kết quả: Đạt', exact).waitFor();

    const criteria = region(page, 'Tiêu chí đánh giá');
    await criteria.getByText('Chỉ quản trị viên được thêm, sửa hoặc thôi áp dụng tiêu chí.', { exact: false }).waitFor();
    expect(await criteria.getByRole('row').count()).toBeGreaterThan(3);
    expect(await criteria.getByRole('button').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  /** The village checklist's criteria, as the evaluation panel asks them. */
  async function villageChecklist(page: Page): Promise<string> {
    const village = office.localities[0] ?? '';
    const safety = region(page, safetyTitle(year));
    await safety.getByRole('row').filter({ has: page.getByRole('rowheader', { name: village, exact: true }) }).getByRole('button', { name: 'Đánh giá' }).click();
    const panel = region(page, `Đánh giá ${village}`);
    await panel.getByRole('group').first().waitFor();
    const text = flatText((await panel.textContent()) ?? '');
    await panel.getByRole('button', { name: 'Hủy', exact: true }).click();
    await panel.waitFor({ state: 'detached' });
    return text;
  }

  it('lets an administrator add a criterion, reword it and retire it with a reason', async () => {
    const { page, screenshot, errors } = watched;
    const layout = new Layout(page);
    await layout.logout();
    await new LoginPage(page).login(admin.username, admin.password);
    await layout.waitUntilShown();
    await layout.open('Phong trào');
    const criteria = region(page, 'Tiêu chí đánh giá');
    expect(await villageChecklist(page)).not.toContain(TEXT);

    // Refused with Vietnamese messages under the fields; what was typed stays. No code is asked for.
    await criteria.getByRole('button', { name: 'Thêm tiêu chí' }).click();
    const add = region(page, 'Thêm tiêu chí');
    expect(await add.getByLabel('Mã tiêu chí', exact).count()).toBe(0);
    const kind = add.getByLabel('Loại đơn vị áp dụng', exact);
    const wording = add.getByLabel('Nội dung tiêu chí', exact);
    await wording.fill('   ');
    await add.getByRole('button', { name: 'Lưu tiêu chí' }).click();
    await expect.poll(() => kind.getAttribute('aria-invalid')).toBe('true');
    expect(await description(kind)).toContain('Bắt buộc nhập.');
    expect(await description(wording)).toContain('Bắt buộc nhập.');
    await screenshot('movement-criterion-refused');

    await kind.selectOption({ label: 'Thôn, tổ dân phố' });
    await wording.fill(TEXT);
    await add.getByRole('button', { name: 'Lưu tiêu chí' }).click();
    await page.getByText(`Đã thêm tiêu chí “${TEXT}”.`).waitFor();
    // The table shows no code column, nor any code.
    expect(await criteria.getByRole('columnheader', { name: 'Mã tiêu chí' }).count()).toBe(0);
    expect(await criteria.locator('code').count()).toBe(0);
    expect((await criteria.textContent()) ?? '').not.toMatch(/[a-z]+_[a-z_]+/);
    let shown = TEXT;
    const row = () => criteria.getByRole('row').filter({ has: page.getByRole('rowheader', { name: shown, exact: true }) });
    await row().waitFor();
    expect(flatText((await row().textContent()) ?? '')).toContain('Thôn, tổ dân phố');
    expect(await villageChecklist(page)).toContain(TEXT);

    // Reworded: an empty wording is refused, the new one shows in the list and the checklist.
    await row().getByRole('button', { name: `Sửa tiêu chí “${TEXT}”`, exact: true }).click();
    const edit = region(page, `Sửa nội dung tiêu chí “${TEXT}”`);
    const text = edit.getByLabel('Nội dung tiêu chí', exact);
    expect(await text.inputValue()).toBe(TEXT);
    await text.fill('');
    await edit.getByRole('button', { name: 'Lưu nội dung' }).click();
    await expect.poll(() => text.getAttribute('aria-invalid')).toBe('true');
    expect(await description(text)).toContain('Bắt buộc nhập.');
    await text.fill(REWORDED);
    await edit.getByRole('button', { name: 'Lưu nội dung' }).click();
    await page.getByText(`Đã sửa nội dung tiêu chí “${REWORDED}”.`).waitFor();
    shown = REWORDED;
    await row().waitFor();
    expect(await villageChecklist(page)).toContain(REWORDED);

    // Retired only with a reason: gone from the list and from the checklist.
    await row().getByRole('button', { name: `Thôi áp dụng tiêu chí “${REWORDED}”`, exact: true }).click();
    const retire = region(page, `Thôi áp dụng tiêu chí “${REWORDED}”`);
    await retire.getByRole('button', { name: 'Thôi áp dụng', exact: true }).click();
    const reason = retire.getByLabel('Lý do thôi áp dụng', exact);
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    expect(await description(reason)).toContain('Bắt buộc nhập.');
    await reason.fill('Trùng với tiêu chí về phòng ngừa tội phạm đã có');
    await retire.getByRole('button', { name: 'Thôi áp dụng', exact: true }).click();
    await page.getByText(`Đã thôi áp dụng tiêu chí “${REWORDED}”.`).waitFor();
    await expect.poll(() => row().count()).toBe(0);
    const checklist = await villageChecklist(page);
    expect(checklist).not.toContain(REWORDED);
    expect(checklist).toContain('Tiêu chí 1');
    await screenshot('movement-criteria');
    expect(errors).toEqual([]);
  });
});
