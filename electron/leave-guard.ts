/**
 * Closing the window (or quitting, or reloading) while a form holds what was typed and not saved. The
 * interface says so with a beforeunload handler (renderer/forms/leave-guard.ts); Chromium then refuses
 * the unload and Electron emits `will-prevent-unload` on the window's webContents, where the shell asks
 * with a native dialog. Calling preventDefault() on that event lets the page unload after all.
 *
 * The decision is here, pure, so it is tested without Electron (whose binary cannot run on every
 * machine): the dialog's options, and what each answer means.
 */

export interface LeaveDialog {
  readonly type: 'warning';
  readonly title: string;
  readonly message: string;
  readonly detail: string;
  readonly buttons: readonly string[];
  readonly defaultId: number;
  readonly cancelId: number;
  readonly noLink: boolean;
}

/** The buttons, in order: staying is first, the default and what Esc or closing the dialog means. */
export const STAY = 0;
export const LEAVE = 1;

export function leaveDialog(): LeaveDialog {
  return {
    type: 'warning',
    title: 'Sổ ANTT',
    message: 'Có nội dung đã nhập nhưng chưa lưu.',
    detail: 'Nếu thoát bây giờ, phần chưa lưu của biểu mẫu sẽ mất (bản nháp đã lưu tự động vẫn được giữ để mở lại). Bạn muốn ở lại để lưu hay thoát?',
    buttons: ['Ở lại để lưu', 'Thoát, bỏ phần chưa lưu'],
    defaultId: STAY,
    cancelId: STAY,
    noLink: true,
  };
}

/** Whether the window may close (or reload) given the button the user chose; anything but "Thoát" stays. */
export function mayLeave(response: number): boolean {
  return response === LEAVE;
}
