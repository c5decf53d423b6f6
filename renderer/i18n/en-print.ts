import type { viPrint } from './vi-print';

/** English: buttons that open the printed lists (the keys of vi-print.ts). */
export const enPrint: Readonly<Record<keyof typeof viPrint, string>> = {
  'print.deadlines': 'Print report',
  'print.hotspots': 'Print list',
  'print.programs': 'Print list',
};
