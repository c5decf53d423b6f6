import type { AccountData, OfficeData } from './pages';

/** The office and the people the end-to-end scenarios use. */

export const office: OfficeData = {
  name: 'Công an xã Quảng Hưng',
  code: '16063',
  level: 'Công an cấp xã',
  parentName: 'Công an tỉnh Thanh Hóa',
  parentCode: '38',
  localities: ['Thôn Đông Hải', 'Thôn Nam Sơn', 'Tổ dân phố Bắc Hà'],
};

export const admin: AccountData = {
  fullName: 'Lê Văn Quản',
  rank: 'Thiếu tá',
  position: 'Trưởng Công an xã',
  username: 'quantri',
  password: 'Đèo-Ngang-xã-Tràm-Chim',
};

export const officer: AccountData = {
  fullName: 'Nguyễn Thị Hằng',
  rank: 'Thượng úy',
  position: 'Cán bộ Công an xã',
  username: 'hang.nt',
  password: 'mat-khau-can-bo-Tràm-Chim',
};
