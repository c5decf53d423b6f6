import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, rowWindow, scale, scrollTopForRow, toScroll, toVirtual, type ScrollGeometry } from '../../renderer/components/scroll-scale';

/**
 * The virtual table's geometry (issue #8): a million rows of 48 px are taller than Chromium can lay
 * out, so the scroll content is capped and scroll positions map proportionally onto the whole list.
 */

const ROW = 48;
const VIEW = 480;
const million: ScrollGeometry = { count: 1_000_000, rowHeight: ROW, viewport: VIEW };
const short: ScrollGeometry = { count: 1_000, rowHeight: ROW, viewport: VIEW };
const maxScroll = (g: ScrollGeometry) => scale(g).contentHeight - g.viewport;

describe('scroll scale', () => {
  it('leaves a list that fits as it is: one scroll pixel is one pixel of rows', () => {
    expect(scale(short)).toEqual({ virtualHeight: 48_000, contentHeight: 48_000, ratio: 1 });
    expect(toVirtual(short, 1234)).toBe(1234);
    expect(toScroll(short, 1234)).toBe(1234);
    expect(rowWindow(short, 4800, 0)).toEqual({ first: 100, last: 109, top: 4800, bottom: 48_000 - 4800 - 480 });
  });

  it('caps a million rows at the maximum height, well under the browser limit', () => {
    const { virtualHeight, contentHeight, ratio } = scale(million);
    expect(virtualHeight).toBe(48_000_000);
    expect(contentHeight).toBe(MAX_SCROLL_HEIGHT);
    expect(contentHeight).toBeLessThan(33_554_400);
    // Away from the ends (one row each, mapped one to one) a scroll pixel moves the rows about 4.8 pixels.
    expect(ratio).toBeCloseTo((48_000_000 - VIEW - 2 * ROW) / (MAX_SCROLL_HEIGHT - VIEW - 2 * ROW), 9);
  });

  it('maps the ends of the scroll range onto the first and the last rows', () => {
    expect(rowWindow(million, 0, 0)).toMatchObject({ first: 0, last: 9, top: 0 });
    const end = rowWindow(million, maxScroll(million), 0);
    expect(end.last).toBe(999_999);
    expect(end.first).toBe(999_990);
    // The last row ends exactly at the end of the scroll content.
    expect(end.top + (end.last - end.first + 1) * ROW).toBeCloseTo(MAX_SCROLL_HEIGHT, 6);
    expect(end.bottom).toBeCloseTo(0, 6);
  });

  it('maps the middle of the scroll range onto the middle of the list', () => {
    const middle = rowWindow(million, maxScroll(million) / 2, 0);
    expect(middle.first).toBeGreaterThanOrEqual(499_990);
    expect(middle.last).toBeLessThanOrEqual(500_010);
  });

  it('places the rendered rows where the view is, inside the content, whatever the overscan', () => {
    const end = maxScroll(million);
    for (const top of [0, 1, 47, 48, 49, 100, 575, 5_000, 4_999_760, end - 49, end - 48, end - 47, end - 1, end]) {
      const window = rowWindow(million, top, 12);
      const height = (window.last - window.first + 1) * ROW;
      expect(window.top).toBeGreaterThanOrEqual(0);
      expect(window.bottom).toBeGreaterThanOrEqual(0);
      expect(window.top + height + window.bottom).toBeCloseTo(MAX_SCROLL_HEIGHT, 6);
      // The rendered rows cover the whole view.
      expect(window.top).toBeLessThanOrEqual(top + 1e-6);
      expect(window.top + height).toBeGreaterThanOrEqual(Math.min(top + VIEW, MAX_SCROLL_HEIGHT) - 1e-6);
      // Row i sits at i × 48 − (virtual − scrollTop).
      expect(window.top).toBeCloseTo(window.first * ROW - (toVirtual(million, top) - top), 6);
    }
  });

  it('maps scroll positions to virtual offsets and back, in order, continuously', () => {
    let previous = -1;
    for (let top = 0; top <= maxScroll(million); top += 9_973) {
      const virtual = toVirtual(million, top);
      expect(virtual).toBeGreaterThan(previous);
      expect(toScroll(million, virtual)).toBeCloseTo(top, 6);
      previous = virtual;
    }
    for (const at of [ROW, maxScroll(million) - ROW]) expect(toVirtual(million, at + 1e-9) - toVirtual(million, at - 1e-9)).toBeLessThan(1e-6);
  });

  it('round-trips row → scroll position → row', () => {
    for (const index of [0, 1, 7, 123_456, 500_000, 777_777, 999_989]) {
      const top = scrollTopForRow(million, 0, index, 'start');
      expect(Number.isInteger(top)).toBe(true);
      const window = rowWindow(million, top, 0);
      expect(window.first).toBe(index);
    }
  });

  it('scrolls a row into view only when it is not, with whole pixels, from either side', () => {
    const top = scrollTopForRow(million, 0, 500_000, 'start');
    expect(scrollTopForRow(million, top, 500_003)).toBe(top);
    for (const index of [500_020, 499_990, 999_999, 0]) {
      const moved = scrollTopForRow(million, top, index);
      expect(Number.isInteger(moved)).toBe(true);
      const virtual = toVirtual(million, moved);
      expect(index * ROW).toBeGreaterThanOrEqual(virtual - 1e-6);
      expect((index + 1) * ROW).toBeLessThanOrEqual(virtual + VIEW + 1e-6);
    }
    const centred = rowWindow(million, scrollTopForRow(million, 0, 600_000, 'center'), 0);
    expect(600_000 - centred.first).toBeGreaterThanOrEqual(3);
    expect(centred.last - 600_000).toBeGreaterThanOrEqual(3);
  });

  it('has nothing to render for an empty list', () => {
    expect(rowWindow({ count: 0, rowHeight: ROW, viewport: VIEW }, 0, 12)).toEqual({ first: 0, last: -1, top: 0, bottom: 0 });
  });
});
