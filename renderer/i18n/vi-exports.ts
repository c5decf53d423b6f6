/** Vietnamese: exporting a list to Excel (issue #6). */
export const viExports = {
  'export.button': 'Xuất Excel',
  'export.fetching': 'Đang xuất {done}/{total} dòng…',
  'export.writing': 'Đang tạo tệp Excel: {done}/{total} dòng…',
  'export.starting': 'Đang chuẩn bị xuất Excel…',
  'export.progress': 'Tiến độ xuất Excel',
  'export.cancel': 'Hủy xuất',
  'export.cancelled': 'Đã hủy xuất Excel.',
  'export.done': 'Đã xuất {count} dòng ra tệp {file}.',
  'export.failed': 'Không xuất được danh sách ra Excel: {reason}',
  'export.failedFile': 'Không tạo được tệp Excel. Vui lòng thử lại; nếu vẫn không được, hãy lọc bớt danh sách rồi xuất lại.',
  'export.filters': 'Điều kiện lọc: {list}',
  'export.noFilters': 'Điều kiện lọc: không có (toàn bộ danh sách)',
  'export.sort': 'Sắp xếp theo: {column} ({direction})',
  'export.asc': 'tăng dần',
  'export.desc': 'giảm dần',
  'export.madeAt': 'Xuất lúc {time}; tổng số {count} dòng',
};
