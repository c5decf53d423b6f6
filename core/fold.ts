/**
 * The Vietnamese search fold: NFD, combining marks removed, đ→d, Đ→D, lower case, spaces squeezed.
 * The same function runs on indexed text (a SQLite function in db/) and on what the user types,
 * so "nguyen van a" finds "Nguyễn Văn A" and "duong day" finds "đường dây".
 */
export function fold(text: string): string {
  // A run of marks, a run of two or more spaces or one space other than ' ' is replaced at once
  // (single spaces, most of them, are left alone): the same text as mark by mark and `\s+`, in
  // about half the time on a report's text (the import folds every report it indexes).
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]+/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim();
}
