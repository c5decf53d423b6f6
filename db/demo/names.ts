import type { Random} from './random';
import { weights } from './random';

/**
 * Vietnamese names and places for generated data. Surname shares follow the commonly cited national
 * distribution (Nguyễn about 38%, Trần 11%, Lê 9.5%, Phạm 7%, then Hoàng/Huỳnh, Phan, Vũ/Võ, Đặng, Bùi,
 * Đỗ, Hồ, Ngô, Dương, Lý and a long tail); middle names differ by gender (Văn, Thị, Đức, Ngọc …).
 * Every string is NFC, with its diacritics.
 */
export const surnames = weights<string>([
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 3.5],
  ['Huỳnh', 1.6],
  ['Phan', 4.5],
  ['Vũ', 2.2],
  ['Võ', 1.7],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.8],
  ['Trịnh', 0.6],
  ['Đào', 0.5],
  ['Đoàn', 0.5],
  ['Mai', 0.5],
  ['Hà', 0.5],
  ['Lương', 0.4],
  ['Cao', 0.4],
  ['Lưu', 0.3],
  ['Lâm', 0.3],
  ['Thái', 0.2],
  ['Tạ', 0.2],
  ['Triệu', 0.2],
  ['Chu', 0.2],
  ['Lại', 0.2],
  ['Vương', 0.2],
  ['Tô', 0.2],
  ['Kiều', 0.1],
  ['Quách', 0.1],
  ['Mạc', 0.1],
]);

const middleMale = weights<string>([
  ['Văn', 40],
  ['Đức', 8],
  ['Minh', 8],
  ['Hữu', 6],
  ['Quang', 6],
  ['Công', 5],
  ['Xuân', 4],
  ['Thanh', 4],
  ['Ngọc', 3],
  ['Đình', 5],
  ['Tiến', 3],
  ['Mạnh', 3],
  ['Trung', 2],
  ['Thế', 2],
  ['Hoàng', 2],
]);

const middleFemale = weights<string>([
  ['Thị', 50],
  ['Ngọc', 8],
  ['Thu', 6],
  ['Thanh', 6],
  ['Phương', 4],
  ['Hồng', 5],
  ['Minh', 4],
  ['Kim', 4],
  ['Bích', 3],
  ['Mai', 3],
  ['Diệu', 2],
  ['Khánh', 2],
  ['Thùy', 3],
]);

const givenMale = [
  'Anh', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Đức', 'Dương', 'Giang', 'Hải', 'Hiếu', 'Hòa', 'Hoàng', 'Hùng', 'Huy', 'Hưng',
  'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Long', 'Lộc', 'Mạnh', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn',
  'Tài', 'Tâm', 'Thái', 'Thắng', 'Thành', 'Thịnh', 'Tiến', 'Toàn', 'Trung', 'Trường', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ',
] as const;

const givenFemale = [
  'An', 'Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hồng', 'Huyền', 'Hương', 'Lan', 'Liên',
  'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhàn', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Thảo', 'Thu', 'Thúy',
  'Trang', 'Tuyết', 'Vân', 'Xuân', 'Yến',
] as const;

export type Gender = 'male' | 'female';

/** A full name: surname, a middle name by gender (sometimes two), a given name. */
export function personName(random: Random, gender: Gender): string {
  const surname = random.weighted(surnames);
  const middle = random.weighted(gender === 'male' ? middleMale : middleFemale);
  const second = random.chance(0.12) ? ` ${random.weighted(gender === 'male' ? middleMale : middleFemale)}` : '';
  const given = random.pick(gender === 'male' ? givenMale : givenFemale);
  const name = second.trim() === middle ? `${surname} ${middle} ${given}` : `${surname} ${middle}${second} ${given}`;
  return name.normalize('NFC');
}

const villageWords = [
  'Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Thượng', 'Hạ', 'Yên Phú', 'Phú Lộc', 'Đồng Tâm', 'Tân Lập', 'Hòa Bình', 'Quyết Thắng',
  'Thành Công', 'Xuân Phú', 'Hưng Thịnh', 'An Lạc', 'Phúc Hậu', 'Cẩm Hoa', 'Minh Khai', 'Đại Đồng', 'Vĩnh Thịnh', 'Kim Sơn',
  'Bình Minh', 'Trường Sơn', 'Lam Sơn', 'Hồng Phong', 'Quang Trung', 'Lê Lợi', 'Ngọc Lâm',
] as const;

/** `count` village names of a commune: "Thôn …" in the countryside, "Tổ dân phố …" in towns. */
export function villageNames(random: Random, count: number): string[] {
  const town = random.chance(0.3);
  const names = new Set<string>();
  while (names.size < count) {
    if (names.size < villageWords.length && random.chance(0.6)) names.add(`${town ? 'Tổ dân phố' : 'Thôn'} ${random.pick(villageWords)}`);
    else names.add(`${town ? 'Tổ dân phố' : 'Thôn'} ${names.size + 1}`);
  }
  return [...names].map((name) => name.normalize('NFC'));
}

const communeWords = [
  'Quảng Hưng', 'Quảng Tâm', 'Đông Sơn', 'Hoằng Hóa', 'Hậu Lộc', 'Nga Sơn', 'Hà Trung', 'Vĩnh Lộc', 'Yên Định', 'Thiệu Hóa',
  'Triệu Sơn', 'Nông Cống', 'Tĩnh Gia', 'Như Thanh', 'Thường Xuân', 'Ngọc Lặc', 'Cẩm Thủy', 'Thạch Thành', 'Bá Thước', 'Lang Chánh',
  'Quan Hóa', 'Quan Sơn', 'Mường Lát', 'Thọ Xuân', 'Hoằng Phụ', 'Đông Tiến', 'Thiệu Giao', 'Quảng Phú', 'Định Công', 'Xuân Lai',
] as const;

/** The name of the n-th generated commune (0-based): a place name, numbered after the list runs out. */
export function communeName(index: number): string {
  const base = communeWords[index % communeWords.length]!;
  const round = Math.floor(index / communeWords.length);
  return (round === 0 ? base : `${base} ${round + 1}`).normalize('NFC');
}

const streets = ['Lê Lợi', 'Trần Phú', 'Quang Trung', 'Nguyễn Trãi', 'Lý Thường Kiệt', 'Hai Bà Trưng', 'Bà Triệu', 'Lê Hoàn', 'Phan Chu Trinh', 'Hàm Nghi'] as const;

/** A house address in a village of the commune: "Số 12, Thôn Đông, xã Quảng Hưng". */
export function address(random: Random, village: string, commune: string): string {
  const house = random.chance(0.35) ? `Số ${random.int(1, 250)} đường ${random.pick(streets)}, ` : random.chance(0.5) ? `Số nhà ${random.int(1, 120)}, ` : '';
  return `${house}${village}, ${commune}`.normalize('NFC');
}

/**
 * A citizen ID (CCCD, Circular 59/2021/TT-BCA): the 3-digit province of birth code (001–096), a
 * century-and-gender digit (0/1: men/women born 1900–1999, 2/3: 2000–2099), the last two digits of the
 * birth year, and a 6-digit serial. `taken` keeps them unique.
 */
export function citizenIdFor(random: Random, provinceCode: number, gender: Gender, birthYear: number, taken: Set<string>): string {
  const century = birthYear >= 2000 ? 2 : 0;
  const prefix = `${String(provinceCode).padStart(3, '0')}${century + (gender === 'female' ? 1 : 0)}${String(birthYear % 100).padStart(2, '0')}`;
  for (;;) {
    const id = `${prefix}${String(random.int(0, 999_999)).padStart(6, '0')}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** Officers' names for the records' "officers" and "leader" fields. */
export function officerName(random: Random): string {
  const rank = random.pick(['Đại úy', 'Thượng úy', 'Trung úy', 'Thiếu úy', 'Thiếu tá'] as const);
  return `${rank} ${personName(random, random.chance(0.85) ? 'male' : 'female')}`;
}
