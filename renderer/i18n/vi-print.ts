/** Vietnamese: buttons that open the printed lists (issue #6). The documents' own text is in renderer/print. */
export const viPrint = {
  'print.deadlines': 'In báo cáo',
  'print.hotspots': 'In danh sách',
  'print.programs': 'In danh sách',
};
