import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** Development builds add reload and DevTools; a packaged build has neither. */
  readonly developer: boolean;
  /** The app's version (package.json, app.getVersion()), shown in Help → About. */
  readonly version: string;
  /** Shows the About box (main.ts: a message box with aboutText). */
  readonly showAbout: () => void;
}

/** What Help → About says: the same words as the interface's About panel. */
export function aboutText(version: string): string {
  return `Sổ ANTT phiên bản ${version}`;
}

/**
 * The application menu, in Vietnamese. It is kept small: the interface has its own navigation, and
 * the menu exists for what users expect of any desktop program (quit, the clipboard shortcuts, zoom
 * for small screens, full screen) and About, which names the version. Every other item is a built-in
 * role; About runs only the callback main.ts gives it.
 */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: 'Phóng to' },
    { role: 'zoomOut', label: 'Thu nhỏ' },
    { role: 'resetZoom', label: 'Cỡ mặc định' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Toàn màn hình' },
  ];
  if (options.developer) {
    view.push(
      { type: 'separator' },
      { role: 'reload', label: 'Tải lại' },
      { role: 'toggleDevTools', label: 'Công cụ nhà phát triển' },
    );
  }
  return [
    { label: 'Tệp', submenu: [{ role: 'quit', label: 'Thoát' }] },
    {
      label: 'Sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'selectAll', label: 'Chọn tất cả' },
      ],
    },
    { label: 'Xem', submenu: view },
    // Not the 'about' role: a message box of our own reads the same, in Vietnamese, on every system.
    { label: 'Trợ giúp', submenu: [{ label: `Giới thiệu Sổ ANTT (phiên bản ${options.version})`, click: () => options.showAbout() }] },
  ];
}
