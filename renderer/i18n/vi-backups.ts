/** Vietnamese: backups and restore (issue #9, "Backups"). */
export const viBackups = {
  'nav.backups': 'Sao lưu và khôi phục',
  'bk.title': 'Sao lưu và khôi phục',
  'bk.list': 'Bản sao lưu',
  'bk.explain':
    'Ứng dụng tự sao lưu khi mở lần đầu mỗi ngày, trước mỗi lần nhập dữ liệu và trước mỗi lần nâng cấp, trong lúc vẫn làm việc bình thường. Bản sao lưu được mã hóa bằng khóa dữ liệu của đơn vị.',
  'bk.folder': 'Thư mục sao lưu: {folder}',
  'bk.backUpNow': 'Sao lưu ngay',
  'bk.taken': 'Đã sao lưu lúc {at}.',
  'bk.at': 'Thời gian',
  'bk.kind': 'Lý do',
  'bk.size': 'Dung lượng',
  'bk.actions': 'Thao tác',
  'bk.view': 'Xem',
  'bk.empty': 'Chưa có bản sao lưu nào.',
  'bk.kind.daily': 'Hằng ngày',
  'bk.kind.before-import': 'Trước khi nhập dữ liệu',
  'bk.kind.before-migration': 'Trước khi nâng cấp',
  'bk.kind.manual': 'Thủ công',
  'bk.kind.before-restore': 'Trước khi khôi phục',
  'bk.kind.other': 'Khác',

  // The copy to an external folder
  'bk.externalNone': 'Chưa đặt thư mục ngoài (ổ USB): bản sao lưu chỉ nằm trên máy này.',
  'bk.externalOk': 'Bản sao lưu gần nhất đã được chép sang thư mục ngoài {folder} lúc {at}.',
  'bk.externalFailed': 'Không chép được bản sao lưu lúc {at} sang thư mục ngoài {folder}: {reason}. Bản sao lưu vẫn được giữ trong thư mục sao lưu của máy.',
  'bk.externalReason.ENOENT': 'không tìm thấy thư mục (ổ USB chưa cắm?)',
  'bk.externalReason.ENOTDIR': 'đường dẫn không phải là thư mục',
  'bk.externalReason.EACCES': 'không có quyền ghi vào thư mục',
  'bk.externalReason.EPERM': 'không có quyền ghi vào thư mục',
  'bk.externalReason.EROFS': 'ổ đĩa chỉ cho phép đọc',
  'bk.externalReason.ENOSPC': 'ổ đĩa đã đầy',
  'bk.externalReason.other': 'lỗi hệ thống {code}',

  // One backup
  'bk.details': 'Bản sao lưu lúc {at}',
  'bk.reading': 'Đang đọc bản sao lưu…',
  'bk.reports': 'Tin báo',
  'bk.persons': 'Đối tượng',
  'bk.hotspots': 'Tụ điểm',
  'bk.campaigns': 'Phong trào',
  'bk.noTable': 'Chưa có',
  'bk.close': 'Đóng',
  'bk.restore': 'Khôi phục bản này',

  // Restore
  'bk.restoreTitle': 'Khôi phục bản sao lưu lúc {at}',
  'bk.restoreWarning':
    'Toàn bộ dữ liệu đang dùng sẽ được thay bằng dữ liệu của bản sao lưu này. Những gì nhập sau thời điểm sao lưu sẽ không còn trong dữ liệu đang dùng; ứng dụng sao lưu dữ liệu hiện tại trước khi khôi phục nên vẫn có thể lấy lại. Người dùng khác đang đăng nhập sẽ phải đăng nhập lại.',
  'bk.restoreConfirm': 'Tôi hiểu và muốn khôi phục bản sao lưu này',
  'bk.restoreSubmit': 'Khôi phục',
  'bk.restored': 'Đã khôi phục bản sao lưu lúc {at}; dữ liệu đã được kiểm tra toàn vẹn. Dữ liệu trước khi khôi phục được giữ trong bản sao lưu lúc {safetyAt}.',
  'bk.restoredLoggedOut': 'Tài khoản của bạn không có trong dữ liệu đã khôi phục: hãy đăng nhập bằng một tài khoản quản trị có trong đó.',

  // Settings
  'bk.settings': 'Cài đặt sao lưu',
  'bk.keepExplain': 'Số bản sao lưu tự động được giữ: bản mới nhất của mỗi ngày, mỗi tuần và mỗi tháng gần đây. Bản sao lưu thủ công, trước khi nâng cấp và trước khi khôi phục không bị xóa.',
  'bk.keepDaily': 'Giữ theo ngày (số ngày)',
  'bk.keepWeekly': 'Giữ theo tuần (số tuần)',
  'bk.keepMonthly': 'Giữ theo tháng (số tháng)',
  'bk.externalDir': 'Thư mục ngoài (ổ USB)',
  'bk.externalDirHint': 'Mỗi bản sao lưu được chép thêm vào thư mục này. Để trống nếu không dùng.',
  'bk.settingsSaved': 'Đã lưu cài đặt sao lưu.',
};
