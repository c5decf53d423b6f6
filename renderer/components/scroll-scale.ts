/**
 * The geometry of a virtualized list of fixed-height rows that may be taller than a browser can lay
 * out. Chromium stops at about 33.5 million pixels of element height, so a million rows of 48 px
 * (48 million pixels) cannot be placed one under the other. Past `maxHeight` the scroll content is
 * capped at `maxHeight`, and a scroll position maps proportionally to a position in the whole list
 * (its "virtual" offset): the top of the scroll range shows the first row, the bottom shows the
 * last, and the scroll bar's thumb says where in the list one is. Below the cap both are the same.
 * Above it a pixel of scrolling moves the rows by `ratio` pixels (about 4.8 for a million rows).
 *
 * Pure functions, no DOM: the table reads scrollTop and the viewport height and asks these.
 */

/** Well under Chromium's limit (and Firefox's 17.9 M): 10 million pixels, about 208,000 rows of 48 px. */
export const MAX_SCROLL_HEIGHT = 10_000_000;

export interface ScrollGeometry {
  /** How many rows the list has. */
  readonly count: number;
  /** Every row's height in pixels. */
  readonly rowHeight: number;
  /** Height of the area rows show in (the scroll box less its sticky header), in pixels. */
  readonly viewport: number;
  /** The tallest the scroll content may be. */
  readonly maxHeight?: number;
}

export interface Scale {
  /** Height of all rows laid out one under the other (may exceed any browser's limit). */
  readonly virtualHeight: number;
  /** Height of the scroll content actually laid out: the virtual height, capped. */
  readonly contentHeight: number;
  /** Virtual pixels per scroll pixel away from the ends: 1 below the cap, more above it. */
  readonly ratio: number;
}

export function scale({ count, rowHeight, viewport, maxHeight = MAX_SCROLL_HEIGHT }: ScrollGeometry): Scale {
  const virtualHeight = Math.max(0, count) * rowHeight;
  if (virtualHeight <= maxHeight) return { virtualHeight, contentHeight: virtualHeight, ratio: 1 };
  const { scrollRange, virtualRange, edge } = ranges({ count, rowHeight, viewport, maxHeight });
  return { virtualHeight, contentHeight: maxHeight, ratio: (virtualRange - 2 * edge) / (scrollRange - 2 * edge) };
}

/**
 * The scroll range (content less one view) maps onto the virtual range end to end. The first and the
 * last `edge` pixels (one row) map one to one: there the rows in view start at the content's top and
 * end at its end, so every row in view has a place inside the content. In between, proportionally.
 */
function ranges({ count, rowHeight, viewport, maxHeight = MAX_SCROLL_HEIGHT }: ScrollGeometry) {
  const view = Math.min(Math.max(0, viewport), maxHeight / 2);
  const scrollRange = maxHeight - view;
  const virtualRange = Math.max(0, count) * rowHeight - view;
  return { scrollRange, virtualRange, edge: Math.min(rowHeight, scrollRange / 4) };
}

/** The virtual offset shown at the top of the viewport when the box is scrolled to `scrollTop`. */
export function toVirtual(geometry: ScrollGeometry, scrollTop: number): number {
  const { ratio, virtualHeight } = scale(geometry);
  if (ratio === 1) return clamp(scrollTop, 0, Math.max(0, virtualHeight - Math.max(0, geometry.viewport)));
  const { scrollRange, virtualRange, edge } = ranges(geometry);
  const s = clamp(scrollTop, 0, scrollRange);
  if (s <= edge) return s;
  if (s >= scrollRange - edge) return s + (virtualRange - scrollRange);
  return edge + (s - edge) * ratio;
}

/** The scrollTop that puts virtual offset `offset` at the top of the viewport. */
export function toScroll(geometry: ScrollGeometry, offset: number): number {
  const { ratio, contentHeight } = scale(geometry);
  if (ratio === 1) return clamp(offset, 0, Math.max(0, contentHeight - Math.max(0, geometry.viewport)));
  const { scrollRange, virtualRange, edge } = ranges(geometry);
  const v = clamp(offset, 0, virtualRange);
  if (v <= edge) return v;
  if (v >= virtualRange - edge) return v - (virtualRange - scrollRange);
  return edge + (v - edge) / ratio;
}

export interface RowWindow {
  /** First and last row to render (inclusive); last < first when there is none. */
  readonly first: number;
  readonly last: number;
  /** Where the first rendered row's top is in the scroll content, in pixels (>= 0). */
  readonly top: number;
  /** Space left below the last rendered row, down to the end of the scroll content (>= 0). */
  readonly bottom: number;
}

/**
 * The rows to render at `scrollTop`: those in view and up to `overscan` either side, never one that
 * would sit outside the scroll content. Row i's top lies at i × rowHeight − (virtual − scrollTop).
 */
export function rowWindow(geometry: ScrollGeometry, scrollTop: number, overscan = 0): RowWindow {
  const { count, rowHeight } = geometry;
  const viewport = Math.max(0, geometry.viewport);
  const { contentHeight } = scale(geometry);
  if (count <= 0 || rowHeight <= 0) return { first: 0, last: -1, top: 0, bottom: contentHeight };
  const scrolled = clamp(scrollTop, 0, Math.max(0, contentHeight - viewport));
  const virtual = toVirtual(geometry, scrolled);
  const shift = virtual - scrolled;
  const firstVisible = Math.floor(virtual / rowHeight);
  const lastVisible = Math.ceil((virtual + viewport) / rowHeight) - 1;
  // Overscan rows that would fall above the content's top or below its end are never seen: left out.
  const firstFit = Math.ceil(shift / rowHeight);
  const lastFit = Math.floor((contentHeight + shift) / rowHeight) - 1;
  const first = Math.max(0, firstVisible - overscan, firstFit);
  const last = Math.min(count - 1, lastVisible + overscan, lastFit);
  if (last < first) return { first: 0, last: -1, top: 0, bottom: contentHeight };
  const top = first * rowHeight - shift;
  return { first, last, top, bottom: Math.max(0, contentHeight - (top + (last - first + 1) * rowHeight)) };
}

/**
 * The scrollTop that brings row `index` fully into view with the least movement (none when it is in
 * view already), or puts it at the top (`start`) or in the middle (`center`).
 */
export function scrollTopForRow(geometry: ScrollGeometry, scrollTop: number, index: number, align: 'auto' | 'start' | 'center' = 'auto'): number {
  const { rowHeight } = geometry;
  const viewport = Math.max(0, geometry.viewport);
  const rowTop = index * rowHeight;
  if (align === 'start') return Math.ceil(toScroll(geometry, rowTop));
  if (align === 'center') return Math.round(toScroll(geometry, rowTop - (viewport - rowHeight) / 2));
  const virtual = toVirtual(geometry, scrollTop);
  // Scroll positions are whole pixels, and one of them can move the rows by `ratio` pixels: round so
  // the row's top (or its bottom) ends inside the view.
  if (rowTop < virtual) return Math.floor(toScroll(geometry, rowTop));
  if (rowTop + rowHeight > virtual + viewport) return Math.ceil(toScroll(geometry, rowTop + rowHeight - viewport));
  return scrollTop;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
