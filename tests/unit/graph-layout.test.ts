import { describe, expect, it } from 'vitest';
import { boxesIntersect, ringLayout, shownLabel, type LayoutEdge, type LayoutNode, type MeasureLabel } from '../../renderer/pages/graph/graph-layout';

/**
 * The link graph's layout, checked by its label boxes: for every size from 1 to 50 nodes, in shapes a
 * graph takes (a star around the person, a chain, two rings deep, labels short and long), no two boxes
 * meet, and the same graph is laid out the same way twice.
 */

// Labels as the page draws them: 11 px text about 6.5 px a character, wrapped at 140 px, 14 px a line.
const measure: MeasureLabel = (label) => {
  const width = [...label].length * 6.5;
  return { width: Math.min(width, 140), height: Math.max(1, Math.ceil(width / 140)) * 14 };
};

const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Tụ điểm đánh bạc chợ Đông', 'Tin báo 15/2026: trộm cắp tài sản tại thôn Nam Sơn', 'Lê Văn C', 'Phạm Thị Dung'];

function graph(size: number, shape: 'star' | 'two-rings' | 'chain'): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const nodes = Array.from({ length: size }, (_, i) => ({ id: `person:${String(i).padStart(3, '0')}`, label: `${names[i % names.length]} ${i}` }));
  const edges: LayoutEdge[] = [];
  for (let i = 1; i < size; i++) {
    const parent = shape === 'star' ? 0 : shape === 'chain' ? i - 1 : i <= 6 ? 0 : 1 + (i % 6);
    edges.push({ from: nodes[parent]!.id, to: nodes[i]!.id });
  }
  return { nodes, edges };
}

describe('the link graph layout', () => {
  for (const shape of ['star', 'two-rings', 'chain'] as const) {
    it(`puts no two label boxes on top of each other, 1 to 50 nodes (${shape})`, () => {
      for (let size = 1; size <= 50; size++) {
        const { nodes, edges } = graph(size, shape);
        const placed = ringLayout(nodes, edges, nodes[0]!.id, measure);
        expect(placed).toHaveLength(size);
        for (let a = 0; a < placed.length; a++) {
          for (let b = a + 1; b < placed.length; b++) {
            expect(boxesIntersect(placed[a]!.box, placed[b]!.box), `${size} nodes: ${placed[a]!.id} and ${placed[b]!.id}`).toBe(false);
          }
        }
      }
    });
  }

  it('puts the centre record in the middle and the others on rings by distance', () => {
    const { nodes, edges } = graph(12, 'two-rings');
    const placed = ringLayout(nodes, edges, nodes[0]!.id, measure);
    const root = placed.find((p) => p.id === nodes[0]!.id)!;
    expect(root.ring).toBe(0);
    expect(root.box.x + root.box.width / 2).toBeCloseTo(0);
    expect(new Set(placed.map((p) => p.ring))).toEqual(new Set([0, 1, 2]));
  });

  it('is deterministic: the same graph, in any order, is drawn the same way', () => {
    const { nodes, edges } = graph(30, 'two-rings');
    const once = ringLayout(nodes, edges, nodes[0]!.id, measure);
    const again = ringLayout([...nodes].reverse(), [...edges].reverse(), nodes[0]!.id, measure);
    const at = (list: typeof once) => Object.fromEntries(list.map((p) => [p.id, [Math.round(p.x), Math.round(p.y)]]));
    expect(at(again)).toEqual(at(once));
  });

  it('shortens long labels only in large graphs', () => {
    const long = 'Tin báo 15/2026: trộm cắp tài sản tại thôn Nam Sơn';
    expect(shownLabel(long, 10)).toBe(long);
    expect(shownLabel(long, 30)).toBe('Tin báo 15/2026: trộm c…');
    expect(shownLabel('Nguyễn Văn An', 30)).toBe('Nguyễn Văn An');
  });
});
