import type { ReactNode } from 'react';

/**
 * What the periodic report's charts share: a figure with its caption (the caption names the chart
 * for assistive technology too), and the look that reads the same on screen and on a black-and-white
 * printer: this period dark and solid, last year light grey and dashed.
 */

export const CHART_COLORS = { current: '#1f3a68', lastYear: '#9aa3ad', grid: '#d3d8de', text: '#1b1f24' } as const;
export const CHART_FONT_SIZE = 12;

export interface ChartSize {
  /** In CSS pixels: a fixed size draws the same in a headless print as on screen (16 cm ≈ 605 px). */
  readonly width: number;
}

export function ChartFigure({ caption, empty, children }: { readonly caption: string; readonly empty?: string; readonly children: ReactNode }) {
  return (
    <figure className="chart">
      <figcaption className="chart-caption">{caption}</figcaption>
      {empty ? <p className="chart-empty">{empty}</p> : children}
    </figure>
  );
}
