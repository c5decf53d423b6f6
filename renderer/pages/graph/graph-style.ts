import type { StylesheetJson } from 'cytoscape';

/** How each kind of node looks: shape and colour (the legend shows the same). */
export const nodeLooks = {
  person: { shape: 'ellipse', colour: '#1f4e8c' },
  hotspot: { shape: 'diamond', colour: '#b3261e' },
  report: { shape: 'round-rectangle', colour: '#5f6b7a' },
} as const;

/** Node labels: their font, the width they wrap at and their line height (graph-layout.ts makes room for them). */
export const LABEL_WIDTH = 140;
export const LABEL_LINE = 14;
export const LABEL_FONT = '11px sans-serif';

export const graphStyle: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': `${LABEL_WIDTH}px`,
      'line-height': LABEL_LINE / 11,
      color: '#1b1f24',
      width: 28,
      height: 28,
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  ...Object.entries(nodeLooks).map(([kind, look]) => ({ selector: `node[kind = "${kind}"]`, style: { shape: look.shape, 'background-color': look.colour } })),
  { selector: 'node[?root]', style: { width: 40, height: 40, 'border-color': '#f2b705', 'border-width': 4 } },
  {
    selector: 'edge',
    style: {
      label: 'data(label)',
      'font-size': 9,
      color: '#3b4450',
      'text-background-color': '#ffffff',
      'text-background-opacity': 1,
      'text-background-padding': '2px',
      width: 1.5,
      'line-color': '#8a94a3',
      'curve-style': 'bezier',
    },
  },
];
