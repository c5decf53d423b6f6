/**
 * Where each node of the link graph goes: the centre record in the middle, then concentric rings, one
 * per number of links away from it (BFS distance), each ring's nodes evenly spread and ordered next to
 * the node they hang from. Pure and deterministic (no randomness, no measuring here): the same graph
 * is drawn the same way every time, on screen and on paper.
 *
 * No two label boxes meet. Each node with its label below it is a box; the ring radii are chosen so
 * that the circles around those boxes (half their diagonal) never meet:
 *  - on one ring of n evenly spread nodes, neighbours are 2r·sin(π/n) apart, and any two nodes at least
 *    that; r is chosen so that this is at least twice the largest box radius (plus a gap);
 *  - ring k is farther out than ring k−1 by the largest box radius of each, plus the gap.
 * Nodes out of reach of the centre (none come from the backend, but the function does not assume it)
 * go on a last ring.
 */

export interface LayoutNode {
  readonly id: string;
  readonly label: string;
}

export interface LayoutEdge {
  readonly from: string;
  readonly to: string;
}

/** A label's size on screen, in pixels (the renderer measures it; tests give a fixed rule). */
export type MeasureLabel = (label: string) => { readonly width: number; readonly height: number };

export interface LayoutOptions {
  /** The drawn node's size (a square of this side) and the root's. */
  readonly nodeSize: number;
  readonly rootSize: number;
  /** Space between the node and its label below. */
  readonly labelGap: number;
  /** The least free space between two boxes. */
  readonly gap: number;
}

export const defaultLayoutOptions: LayoutOptions = { nodeSize: 28, rootSize: 40, labelGap: 4, gap: 10 };

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedNode {
  readonly id: string;
  /** The node's centre (what cytoscape positions). */
  readonly x: number;
  readonly y: number;
  /** The node and its label below it. */
  readonly box: Box;
  readonly ring: number;
}

/** Whether two boxes overlap (touching edges do not count). */
export function boxesIntersect(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The rings: ring 0 is the root; ring k the nodes k links away; unreachable nodes on a last ring. */
function ringsOf(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], rootId: string): string[][] {
  const ids = new Set(nodes.map((n) => n.id));
  const neighbours = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const edge of edges) {
    if (!ids.has(edge.from) || !ids.has(edge.to) || edge.from === edge.to) continue;
    neighbours.get(edge.from)!.push(edge.to);
    neighbours.get(edge.to)!.push(edge.from);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const compare = (a: string, b: string) => {
    const la = byId.get(a)!.label;
    const lb = byId.get(b)!.label;
    return la === lb ? (a < b ? -1 : a > b ? 1 : 0) : la.localeCompare(lb, 'vi');
  };
  const root = ids.has(rootId) ? rootId : [...ids].sort(compare)[0];
  if (root === undefined) return [];
  const rings: string[][] = [[root]];
  const seen = new Set([root]);
  // Each ring in the order of the ring before it: a node comes after the nodes its parent came after.
  for (;;) {
    const previous = rings[rings.length - 1]!;
    const next: string[] = [];
    for (const parent of previous) {
      const children = neighbours
        .get(parent)!
        .filter((child) => !seen.has(child))
        .sort(compare);
      for (const child of children) {
        if (seen.has(child)) continue;
        seen.add(child);
        next.push(child);
      }
    }
    if (next.length === 0) break;
    rings.push(next);
  }
  const rest = nodes.map((n) => n.id).filter((id) => !seen.has(id));
  if (rest.length > 0) rings.push(rest.sort(compare));
  return rings;
}

/** Lays the graph out around `rootId` (see the module's description). */
export function ringLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], rootId: string, measure: MeasureLabel, options: LayoutOptions = defaultLayoutOptions): PlacedNode[] {
  const rings = ringsOf(nodes, edges, rootId);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // Each node's box relative to its centre: the node, then its label under it.
  const shape = (id: string, ring: number) => {
    const size = ring === 0 ? options.rootSize : options.nodeSize;
    const label = measure(byId.get(id)!.label);
    const width = Math.max(size, label.width);
    const height = size + (label.height > 0 ? options.labelGap + label.height : 0);
    // From the box's centre to the node's centre.
    const offsetY = -height / 2 + size / 2;
    return { width, height, offsetY, radius: Math.hypot(width, height) / 2 };
  };
  const placed: PlacedNode[] = [];
  let previousRadius = 0;
  let previousLargest = 0;
  rings.forEach((ring, index) => {
    const shapes = ring.map((id) => shape(id, index));
    const largest = Math.max(...shapes.map((s) => s.radius));
    let radius = 0;
    if (index > 0) {
      radius = previousRadius + previousLargest + largest + options.gap;
      if (ring.length > 1) radius = Math.max(radius, (2 * largest + options.gap) / (2 * Math.sin(Math.PI / ring.length)));
    }
    ring.forEach((id, i) => {
      // From the top, clockwise; a ring of one sits straight above the centre's ring.
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / ring.length;
      const s = shapes[i]!;
      const cx = radius * Math.cos(angle);
      const cy = radius * Math.sin(angle);
      placed.push({
        id,
        x: cx,
        y: cy + s.offsetY,
        box: { x: cx - s.width / 2, y: cy - s.height / 2, width: s.width, height: s.height },
        ring: index,
      });
    });
    previousRadius = radius;
    previousLargest = largest;
  });
  return placed;
}

/** Labels longer than this are shortened ("…") in graphs of more than SHORTEN_FROM nodes; the full text shows on hover. */
export const SHORT_LABEL = 24;
export const SHORTEN_FROM = 20;

/** The label drawn: the whole of it, or in a large graph its start and "…". */
export function shownLabel(label: string, nodeCount: number): string {
  if (nodeCount <= SHORTEN_FROM || [...label].length <= SHORT_LABEL) return label;
  return `${[...label].slice(0, SHORT_LABEL - 1).join('').trimEnd()}…`;
}
