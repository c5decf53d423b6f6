import type { SheetCell, TextRun } from './read-file';

/** A cell's text as it is in the file (runs joined), or its number/boolean as text. */
export function rawText(cell: SheetCell | null | undefined): string {
  if (!cell || cell.value === null) return '';
  if (Array.isArray(cell.value)) {
    const runs = cell.value as readonly TextRun[];
    return runs.length === 1 ? runs[0]!.text : runs.map((r) => r.text).join('');
  }
  if (cell.value instanceof Date) return cell.value.toISOString().slice(0, 10);
  return String(cell.value);
}
