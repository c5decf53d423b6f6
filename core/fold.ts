/**
 * The Vietnamese search fold: NFD, combining marks removed, đ→d, Đ→D, lower case, spaces squeezed.
 * The same function runs on indexed text (a SQLite function in db/) and on what the user types,
 * so "nguyen van a" finds "Nguyễn Văn A" and "duong day" finds "đường dây".
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
