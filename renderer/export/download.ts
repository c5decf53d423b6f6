import { fold } from '../../core/fold';
import { download } from '../data/files';

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

/** Hands the .xlsx to the user as a download (the one download path of renderer/data/files.ts). */
export function downloadFile(bytes: Uint8Array, fileName: string, type = XLSX_TYPE): void {
  download(bytes as Uint8Array<ArrayBuffer>, fileName, type);
}
