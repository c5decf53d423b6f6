/**
 * A figure beside the one it is compared with (so với cùng kỳ, so với kỳ trước): the difference, the
 * percentage change to one decimal, and which way it went. With nothing to compare with (a base of 0)
 * there is no percentage: a report says "cùng kỳ không có" instead of dividing by zero.
 */
export interface Change {
  readonly diff: number;
  readonly percent: number | null;
  readonly direction: 'up' | 'down' | 'same';
  /** The base is 0 and the figure is not: the comparison has nothing to stand on. */
  readonly noBase: boolean;
}

export function change(current: number, base: number): Change {
  const diff = round(current - base, 4);
  return {
    diff,
    percent: base === 0 ? null : round((diff / Math.abs(base)) * 100, 1),
    direction: diff > 0 ? 'up' : diff < 0 ? 'down' : 'same',
    noBase: base === 0 && current !== 0,
  };
}

/** A share in percent to one decimal, or null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : round((part / whole) * 100, 1);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
