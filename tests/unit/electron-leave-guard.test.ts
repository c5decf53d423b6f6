import { describe, expect, it } from 'vitest';
import { LEAVE, leaveDialog, mayLeave, STAY } from '../../electron/leave-guard';

/** The window's close (or reload) with unsaved changes: the dialog, and only "Thoát" lets it go. */
describe('leaving with unsaved changes', () => {
  it('asks in Vietnamese, staying being the default and what Esc means', () => {
    const dialog = leaveDialog();
    expect(dialog.buttons[STAY]).toBe('Ở lại để lưu');
    expect(dialog.buttons[LEAVE]).toBe('Thoát, bỏ phần chưa lưu');
    expect(dialog.defaultId).toBe(STAY);
    expect(dialog.cancelId).toBe(STAY);
    expect(dialog.message).toContain('chưa lưu');
  });

  it('closes only when the user chose to leave', () => {
    expect(mayLeave(LEAVE)).toBe(true);
    expect(mayLeave(STAY)).toBe(false);
    // Closing the dialog some other way (an unknown answer) stays.
    expect(mayLeave(-1)).toBe(false);
    expect(mayLeave(2)).toBe(false);
  });
});
