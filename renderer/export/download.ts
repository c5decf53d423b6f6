import { fold } from '../../api/fold';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A file name any system accepts, from a title in either language and the date of the export:
 * "Sổ tiếp nhận tin báo", 2026-11-25 → "so-tiep-nhan-tin-bao-2026-11-25.xlsx".
 */
export function exportFileName(title: string, isoDate: string, extension = 'xlsx'): string {
  const slug = fold(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'danh-sach'}-${isoDate}.${extension}`;
}

/**
 * Hands bytes to the user as a downloaded file: a Blob behind an <a download> link. The browser saves
 * it; Electron asks where to save it.
 */
export function downloadFile(bytes: Uint8Array, fileName: string, type = XLSX_TYPE): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the data by the next turn; the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
