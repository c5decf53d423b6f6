/**
 * Passwords too common to protect a police register: the most used passwords in published leak lists
 * (8 characters and longer, since shorter ones are refused anyway) and Vietnamese ones of the same kind.
 * Compared in lower case, so "Password1" counts as "password1".
 */
const common = new Set([
  '12345678', '123456789', '1234567890', '0123456789', '87654321', '987654321', '11111111', '00000000', '88888888', '66666666',
  '12341234', '12121212', '123123123', '11223344', '147258369', '123654789', '159753159', '1q2w3e4r', '1qaz2wsx', 'qazwsxedc',
  '1234qwer', 'qwer1234', 'qwerty123', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm1', 'password', 'password1', 'password123', 'passw0rd',
  'p@ssw0rd', 'p@ssword', 'iloveyou', 'iloveyou1', 'sunshine', 'princess', 'football', 'baseball', 'welcome1', 'welcome123',
  'letmein1', 'trustno1', 'superman', 'batman123', 'dragon123', 'monkey123', 'master123', 'changeme', 'default1', 'admin123',
  'admin@123', 'administrator', 'abc12345', 'abcd1234', 'abc123456', 'a123456789', '12345678a', 'aa123456', 'matkhau',
  'matkhau1', 'matkhau123', 'matkhau@123', 'matkhaumoi', 'anhyeuem', 'emyeuanh', 'yeuem123', 'khongbiet', 'khongcomatkhau',
  'vietnam1', 'vietnam123', 'hanoi123', 'saigon123', 'congan123', 'congan@123', 'conganxa', 'conganxa123', 'congantinh',
  'quantri', 'quantri123', 'quantrivien', 'nguyenvan', 'nguyen123', 'tranvan123', 'levan123', 'sotiepnhan', 'soantt123',
]);

export function isCommonPassword(password: string): boolean {
  const lower = password.normalize('NFC').toLowerCase();
  // One character repeated ("aaaaaaaa") is as weak as any list entry.
  return common.has(lower) || /^(.)\1*$/u.test(lower);
}
