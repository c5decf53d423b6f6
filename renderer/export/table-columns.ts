import type { Column } from '../components/data-table';
import type { CellType, CellValue, SheetColumn, SheetRow } from './workbook';

/** Characters of Excel width per CSS rem (16 px against Excel's 7 px character). */
const CHARS_PER_REM = 2.3;

/** A screen column: a plain table's, or a virtual table's with its CSS width and sort key. */
export type ScreenColumn<Row> = Column<Row> & { readonly width?: string; readonly sort?: string };

function widthOf<Row>(column: ScreenColumn<Row>, type: CellType): number | undefined {
  if (column.sheet?.width !== undefined) return column.sheet.width;
  const rem = /^([\d.]+)rem$/.exec(column.width ?? '');
  return type === 'text' && rem ? Math.round(Number(rem[1]) * CHARS_PER_REM) : undefined;
}

/** The sheet's columns: the screen's headers, in the screen's order. */
export function sheetColumns<Row>(columns: readonly ScreenColumn<Row>[]): SheetColumn[] {
  return columns.map((column) => {
    const type = column.sheet?.type ?? 'text';
    return { header: column.header, key: column.key, type, width: widthOf(column, type) };
  });
}

/** One sheet row per list row: each column's raw value, or the text its cell shows. */
export function sheetRow<Row>(columns: readonly Column<Row>[], row: Row): SheetRow {
  const values: Record<string, CellValue> = {};
  for (const column of columns) values[column.key] = column.sheet ? column.sheet.value(row) : shownText(column.cell(row));
  return values;
}

function shownText(content: unknown): CellValue {
  return typeof content === 'string' || typeof content === 'number' ? content : null;
}
