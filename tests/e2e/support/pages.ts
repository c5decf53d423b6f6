import type { Locator, Page } from 'playwright-core';

/**
 * Page objects for the end-to-end tests. They find things the way a user (or a screen reader) does:
 * by visible label and by role with its Vietnamese name, never by CSS class or test id.
 */

const exact = { exact: true } as const;

/** The text of everything that describes a control (its hint and its error), as a screen reader reads it. */
export function description(control: Locator): Promise<string> {
  return control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

export interface OfficeData {
  readonly name: string;
  readonly code: string;
  readonly level: 'Công an cấp xã' | 'Cơ quan cấp trên (tổng hợp)';
  readonly parentName: string;
  readonly parentCode: string;
  readonly localities: readonly string[];
}

export interface AccountData {
  readonly fullName: string;
  readonly rank: string;
  readonly position: string;
  readonly username: string;
  readonly password: string;
}

export class SetupPage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: 'Thiết lập đơn vị', level: 1 });
  readonly field = (label: string) => this.page.getByLabel(label, exact);

  async fill(office: OfficeData, admin: AccountData, passwordConfirm = admin.password): Promise<void> {
    await this.field('Tên đơn vị').fill(office.name);
    await this.field('Mã đơn vị hành chính').fill(office.code);
    await this.field('Cấp đơn vị').selectOption({ label: office.level });
    await this.field('Tên cơ quan cấp trên').fill(office.parentName);
    await this.field('Mã cơ quan cấp trên').fill(office.parentCode);
    await this.field('Thôn, tổ dân phố').fill(office.localities.join('\n'));
    await fillAccount(this.page, admin);
    await this.field('Mật khẩu').fill(admin.password);
    await this.field('Nhập lại mật khẩu').fill(passwordConfirm);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Tạo đơn vị' }).click();
  }
}

/** "Dùng thử với dữ liệu mẫu" on the setup screen: only the first administrator is typed. */
export class DemoSetupPage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: 'Dùng thử với dữ liệu mẫu', level: 1 });

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Dùng thử với dữ liệu mẫu' }).click();
    await this.heading().waitFor();
  }

  async fill(admin: AccountData): Promise<void> {
    await fillAccount(this.page, admin);
    await this.page.getByLabel('Mật khẩu', exact).fill(admin.password);
    await this.page.getByLabel('Nhập lại mật khẩu', exact).fill(admin.password);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Tạo dữ liệu mẫu' }).click();
  }
}

/** Who the user is: the same four fields in setup (first administrator) and in "Thêm người dùng". */
async function fillAccount(scope: Page | Locator, account: AccountData): Promise<void> {
  await scope.getByLabel('Họ và tên', exact).fill(account.fullName);
  await scope.getByLabel('Cấp bậc', exact).fill(account.rank);
  await scope.getByLabel('Chức vụ', exact).fill(account.position);
  await scope.getByLabel('Tên đăng nhập', exact).fill(account.username);
}

export class LoginPage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: 'Đăng nhập', level: 1 });
  readonly alert = () => this.page.getByRole('alert');
  readonly status = () => this.page.getByRole('status');

  async login(username: string, password: string): Promise<void> {
    await this.heading().waitFor();
    await this.page.getByLabel('Tên đăng nhập', exact).fill(username);
    await this.page.getByLabel('Mật khẩu', exact).fill(password);
    await this.page.getByRole('button', { name: 'Đăng nhập' }).click();
  }
}

/** The main layout: top bar and navigation. */
export class Layout {
  constructor(readonly page: Page) {}

  readonly banner = () => this.page.getByRole('banner');
  readonly nav = () => this.page.getByRole('navigation', { name: 'Điều hướng chính' });
  readonly navLink = (name: string) => this.nav().getByRole('link', { name, exact: true });
  readonly pageHeading = () => this.page.getByRole('main').getByRole('heading', { level: 1 });

  async waitUntilShown(): Promise<void> {
    await this.nav().waitFor();
  }

  async open(name: string): Promise<void> {
    await this.navLink(name).click();
    await this.pageHeading().waitFor();
  }

  async logout(): Promise<void> {
    await this.banner().getByRole('button', { name: 'Đăng xuất' }).click();
  }
}

export class UsersPage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: 'Quản lý người dùng', level: 1 });
  readonly table = () => this.page.getByRole('table', { name: 'Danh sách người dùng' });
  readonly row = (fullName: string) => this.table().getByRole('row').filter({ hasText: fullName });
  readonly addForm = () => this.page.getByRole('form', { name: 'Thêm người dùng' });

  /** Opens a row's action; returns its panel (a region named "… <full name>"). */
  async rowAction(fullName: string, action: 'Đặt lại mật khẩu' | 'Vô hiệu hóa' | 'Kích hoạt lại'): Promise<Locator> {
    await this.row(fullName).getByRole('button', { name: action }).click();
    const panel = this.page.getByRole('region', { name: new RegExp(`${fullName}$`) });
    await panel.waitFor();
    return panel;
  }

  /** Fills "Mật khẩu mới" twice in an action panel and confirms with the panel's main button. */
  async setNewPassword(panel: Locator, password: string, confirm: string, button: string): Promise<void> {
    await panel.getByLabel('Mật khẩu mới', exact).fill(password);
    await panel.getByLabel('Nhập lại mật khẩu mới', exact).fill(confirm);
    await panel.getByRole('button', { name: button }).click();
  }

  async addUser(account: AccountData, role: 'Cán bộ' | 'Trưởng Công an' | 'Quản trị viên'): Promise<void> {
    const form = this.addForm();
    await fillAccount(form, account);
    await form.getByLabel('Vai trò', exact).selectOption({ label: role });
    await form.getByLabel('Mật khẩu', exact).fill(account.password);
    await form.getByLabel('Nhập lại mật khẩu', exact).fill(account.password);
    await form.getByRole('button', { name: 'Thêm người dùng' }).click();
  }
}

export class SettingsPage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: 'Cài đặt', level: 1 });
  readonly generalForm = () => this.page.getByRole('form', { name: 'Cài đặt chung' });
  readonly idleLock = () => this.generalForm().getByLabel('Tự khóa sau (phút)', exact);
  readonly remoteCommune = () => this.generalForm().getByLabel('Xã vùng sâu, vùng xa, hải đảo (thời hạn chuyển tin báo 48 giờ)', exact);
  readonly localities = () => this.page.getByRole('table', { name: 'Thôn, tổ dân phố' });
  readonly localityForm = () => this.page.getByRole('form', { name: 'Thôn, tổ dân phố' });

  async save(): Promise<void> {
    await this.generalForm().getByRole('button', { name: 'Lưu' }).click();
  }

  async addLocality(name: string, kind: string): Promise<void> {
    const form = this.localityForm();
    await form.getByLabel('Tên', exact).fill(name);
    await form.getByLabel('Loại', exact).selectOption({ label: kind });
    await form.getByRole('button', { name: 'Thêm thôn, tổ dân phố' }).click();
  }
}

export class LockScreen {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: 'Phiên làm việc đã khóa', level: 1 });

  async unlock(password: string): Promise<void> {
    await this.page.getByLabel('Mật khẩu', exact).fill(password);
    await this.page.getByRole('button', { name: 'Mở khóa' }).click();
  }
}
