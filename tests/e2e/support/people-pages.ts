import type { Locator, Page } from 'playwright-core';

/**
 * Page objects for people, supervision programs, hotspots and the link graph. Found by visible label
 * and role with their Vietnamese names, as the rest of the suite does.
 */

const exact = { exact: true } as const;

/** A person search box (persons.search): types the query and chooses the result naming `fullName`. */
export async function pickPerson(scope: Locator, label: string, query: string, fullName: string): Promise<void> {
  await scope.getByLabel(label, exact).fill(query);
  const result = scope.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('listitem').filter({ hasText: fullName });
  await result.getByRole('button', { name: 'Chọn', exact: true }).click();
  await scope.getByText(`Đã chọn: ${fullName}`).waitFor();
}

export class PersonsList {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: 'Đối tượng', level: 1 });
  readonly search = () => this.page.getByRole('search').getByLabel('Tìm kiếm', exact);
  readonly table = () => this.page.getByRole('table', { name: 'Danh sách đối tượng' });
  readonly row = (text: string) => this.table().locator('tbody tr[tabindex="0"]').filter({ hasText: text });
}

export class PersonForm {
  constructor(readonly page: Page) {}

  readonly form = () => this.page.getByRole('form', { name: 'Thêm đối tượng' });
  readonly field = (label: string) => this.form().getByLabel(label, exact);

  async create(fullName: string, birthYear: string): Promise<void> {
    await this.field('Họ và tên').fill(fullName);
    await this.field('Năm sinh').fill(birthYear);
    await this.form().getByRole('button', { name: 'Lưu hồ sơ', exact: true }).click();
  }
}

export class PersonView {
  constructor(readonly page: Page) {}

  readonly heading = (name: string) => this.page.getByRole('heading', { name, level: 1 });
  readonly programs = () => this.page.getByRole('region', { name: 'Chương trình quản lý' });

  async openProgramForm(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Thêm chương trình quản lý', exact: true }).click();
    const panel = this.page.getByRole('region', { name: 'Thêm chương trình quản lý', exact: true });
    await panel.waitFor();
    return panel;
  }
}

export class ProgramView {
  constructor(readonly page: Page) {}

  readonly heading = (name: string) => this.page.getByRole('heading', { name: `Chương trình quản lý: ${name}`, level: 1 });
  readonly details = () => this.page.getByRole('region', { name: 'Quyết định và thời hạn' });
  readonly checkins = () => this.page.getByRole('table', { name: 'Gặp gỡ, kiểm tra' });
  readonly checkinForm = () => this.page.getByRole('form', { name: 'Ghi nhận gặp gỡ, kiểm tra' });

  async checkIn(result: string, test: 'Âm tính' | 'Dương tính' | 'Từ chối xét nghiệm'): Promise<void> {
    const form = this.checkinForm();
    await form.getByLabel('Xét nghiệm ma túy', exact).selectOption({ label: test });
    await form.getByLabel('Kết quả', exact).fill(result);
    await form.getByRole('button', { name: 'Lưu lần gặp gỡ', exact: true }).click();
    await this.page.getByRole('status').filter({ hasText: 'Đã ghi nhận lần gặp gỡ, kiểm tra.' }).waitFor();
  }
}

export interface HotspotData {
  readonly name: string;
  readonly type: string;
  readonly locality: string;
  readonly address: string;
  readonly risk: 'Thấp' | 'Trung bình' | 'Cao';
  readonly reviewDays: string;
}

export class HotspotForm {
  constructor(readonly page: Page) {}

  readonly form = () => this.page.getByRole('form', { name: /Thêm tụ điểm|Sửa tụ điểm/ });
  readonly field = (label: string) => this.form().getByLabel(label, exact);

  async create(data: HotspotData): Promise<void> {
    await this.field('Tên tụ điểm').fill(data.name);
    await this.field('Loại tụ điểm').selectOption({ label: data.type });
    await this.field('Địa bàn').selectOption({ label: data.locality });
    await this.field('Địa chỉ').fill(data.address);
    await this.field('Mức độ nguy hiểm').selectOption({ label: data.risk });
    await this.field('Chu kỳ kiểm tra (ngày)').fill(data.reviewDays);
    await this.form().getByRole('button', { name: 'Lưu tụ điểm', exact: true }).click();
  }
}

export class HotspotView {
  constructor(readonly page: Page) {}

  readonly heading = (name: string) => this.page.getByRole('heading', { name, level: 1 });
  readonly people = () => this.page.getByRole('table', { name: 'Đối tượng liên quan' });
  readonly history = () => this.page.getByRole('table', { name: 'Diễn biến trạng thái' });
  readonly checks = () => this.page.getByRole('table', { name: 'Các lần kiểm tra' });

  async linkPerson(query: string, fullName: string, role: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Thêm đối tượng vào tụ điểm', exact: true }).click();
    const panel = this.page.getByRole('region', { name: 'Thêm đối tượng vào tụ điểm', exact: true });
    await pickPerson(panel, 'Người liên quan', query, fullName);
    await panel.getByLabel('Vai trò', exact).selectOption({ label: role });
    await panel.getByRole('button', { name: 'Lưu liên kết', exact: true }).click();
    await this.people().getByRole('row').filter({ hasText: fullName }).waitFor();
  }

  async check(found: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Ghi nhận kiểm tra' });
    await form.getByLabel('Kết quả kiểm tra', exact).fill(found);
    await form.getByRole('button', { name: 'Lưu lần kiểm tra', exact: true }).click();
    await this.page.getByRole('status').filter({ hasText: 'Đã ghi nhận lần kiểm tra.' }).waitFor();
  }

  async setStatus(status: string, note: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Đổi trạng thái', exact: true }).click();
    const panel = this.page.getByRole('region', { name: 'Đổi trạng thái', exact: true });
    await panel.getByLabel('Trạng thái mới', exact).selectOption({ label: status });
    await panel.getByLabel('Ghi chú', exact).fill(note);
    await panel.getByRole('button', { name: 'Đổi trạng thái', exact: true }).click();
    await this.page.getByRole('status').filter({ hasText: 'Đã đổi trạng thái tụ điểm.' }).waitFor();
  }
}

export class GraphView {
  constructor(readonly page: Page) {}

  readonly heading = (name: string) => this.page.getByRole('heading', { name: `Sơ đồ liên hệ: ${name}`, level: 1 });
  /** The visually hidden list of the graph's nodes, which makes the drawing readable without sight. */
  readonly nodes = () => this.page.getByRole('list', { name: 'Các nút của sơ đồ' }).getByRole('listitem');
  readonly canvas = () => this.page.getByRole('img', { name: /^Sơ đồ liên hệ gồm/ });
}
