import type { Locator, Page } from 'playwright-core';

/**
 * Page objects for the crime-report register: the list, the report form and a report's page. Found by
 * visible label and role with their Vietnamese names, as the rest of the suite does.
 */

const exact = { exact: true } as const;

export interface PersonData {
  readonly role: 'Đối tượng' | 'Người bị hại' | 'Người làm chứng' | 'Người báo tin' | 'Người liên quan';
  readonly fullName: string;
  readonly birthYear?: string;
  readonly citizenId?: string;
}

export interface ReportData {
  readonly summary: string;
  readonly kind?: string;
  readonly category?: string;
  readonly locality?: string;
  readonly reporterName?: string;
  readonly persons?: readonly PersonData[];
}

export class RegisterList {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: 'Sổ tiếp nhận tin báo', level: 1 });
  readonly search = () => this.page.getByRole('search').getByLabel('Tìm kiếm', exact);
  readonly table = () => this.page.getByRole('table', { name: 'Danh sách tin báo' });
  /** Data rows (the header row and spacers excluded). */
  readonly rows = () => this.table().locator('tbody tr[tabindex="0"]');
  readonly row = (text: string) => this.rows().filter({ hasText: text });
  readonly total = () => this.page.getByText(/^Tổng số: /);
  readonly includeVoided = () => this.page.getByLabel('Hiện cả mục đã hủy', exact);

  /**
   * Types a search and waits until the list says it has `count` rows and shows them (a long list
   * shows only the rows in view: then it waits for the first screenful).
   */
  async find(query: string, count: number): Promise<void> {
    await this.search().fill(query);
    await this.total().filter({ hasText: `Tổng số: ${count.toLocaleString('de-DE')}` }).waitFor();
    await this.page.waitForFunction(
      (n) => {
        const shown = document.querySelectorAll('table tbody tr[tabindex="0"]').length;
        return n <= 20 ? shown === n : shown >= 10;
      },
      count,
    );
  }
}

export class ReportForm {
  constructor(readonly page: Page) {}

  readonly form = () => this.page.getByRole('form', { name: /Thêm tin báo|Sửa tin báo/ });
  readonly field = (label: string) => this.form().getByLabel(label, exact);
  readonly person = (n: number) => this.form().getByRole('group', { name: `Người thứ ${n}`, exact: true });

  async fill(report: ReportData): Promise<void> {
    if (report.kind) await this.field('Loại').selectOption({ label: report.kind });
    await this.field('Nội dung tóm tắt').fill(report.summary);
    if (report.category) await this.field('Phân loại').selectOption({ label: report.category });
    if (report.locality) await this.field('Địa bàn').selectOption({ label: report.locality });
    if (report.reporterName) await this.field('Họ tên người báo tin').fill(report.reporterName);
    for (const [index, person] of (report.persons ?? []).entries()) await this.addPerson(index + 1, person);
  }

  async addPerson(n: number, person: PersonData): Promise<Locator> {
    await this.form().getByRole('button', { name: 'Thêm người', exact: true }).click();
    const entry = this.person(n);
    await entry.getByLabel('Vai trò', exact).selectOption({ label: person.role });
    await entry.getByLabel('Họ và tên', exact).fill(person.fullName);
    if (person.birthYear) await entry.getByLabel('Năm sinh', exact).fill(person.birthYear);
    if (person.citizenId) await entry.getByLabel('Số CCCD', exact).fill(person.citizenId);
    return entry;
  }

  async submit(): Promise<void> {
    await this.form().getByRole('button', { name: /^(Ghi vào sổ|Lưu thay đổi)$/ }).click();
  }
}

export class ReportView {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: /^Tin báo số \d+\/\d{4}$/, level: 1 });
  readonly clock = () => this.page.getByRole('table', { name: 'Thời hạn giải quyết' });
  readonly deadline = (kind: 'Chuyển cơ quan điều tra' | 'Thông báo bằng văn bản' | 'Ra quyết định') => this.clock().getByRole('row').filter({ hasText: kind });
  readonly steps = () => this.page.getByRole('group', { name: 'Xử lý tin báo' });
  readonly persons = () => this.page.getByRole('table', { name: 'Người có liên quan' });

  /** The register number from the page's heading ("Tin báo số 1/2026" → "1/2026"). */
  async number(): Promise<string> {
    const text = (await this.heading().textContent()) ?? '';
    return text.replace('Tin báo số ', '').trim();
  }

  /** Opens a step's panel from the step buttons; returns the panel (a region named after the step). */
  async openStep(name: string): Promise<Locator> {
    await this.steps().getByRole('button', { name, exact: true }).click();
    const panel = this.page.getByRole('region', { name, exact: true });
    await panel.waitFor();
    return panel;
  }

  /** Confirms a step's panel with its main button and waits for the page to say it is done. */
  async confirmStep(panel: Locator, name: string): Promise<void> {
    await panel.getByRole('button', { name, exact: true }).click();
    await this.page.getByRole('status').filter({ hasText: `Đã cập nhật: ${name}.` }).waitFor();
  }
}
