import type { viExports } from './vi-exports';

/** English: exporting a list to Excel (the keys of vi-exports.ts). */
export const enExports: Readonly<Record<keyof typeof viExports, string>> = {
  'export.button': 'Export to Excel',
  'export.fetching': 'Exporting {done}/{total} rows…',
  'export.writing': 'Writing the Excel file: {done}/{total} rows…',
  'export.starting': 'Preparing the Excel export…',
  'export.progress': 'Excel export progress',
  'export.cancel': 'Cancel export',
  'export.cancelled': 'Excel export cancelled.',
  'export.done': 'Exported {count} rows to {file}.',
  'export.failed': 'The list could not be exported to Excel: {reason}',
  'export.failedFile': 'The Excel file could not be made. Please try again; if it still fails, narrow the list with filters and export again.',
  'export.filters': 'Filters: {list}',
  'export.noFilters': 'Filters: none (the whole list)',
  'export.sort': 'Sorted by: {column} ({direction})',
  'export.asc': 'ascending',
  'export.desc': 'descending',
  'export.madeAt': 'Exported at {time}; {count} rows in all',
  'export.reportDone': 'The report was exported to {file}.',
};
