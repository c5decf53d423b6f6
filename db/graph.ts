import type { GraphEdge, GraphNode, GraphView } from '../api/views';
import { AppError } from './app-error';
import { prepared } from './query';
import { formatRegisterNumber } from './register/numbering';
import type { Sqlite } from './store';

type Kind = GraphNode['kind'];
const key = (kind: Kind, id: string) => `${kind}:${id}`;

/** How far a graph may grow, so a hub (a market, a ring) cannot make the view unreadable or slow. */
const MAX_NODES = 300;

/**
 * People, hotspots and reports up to `depth` links out from one person or hotspot: person–person links,
 * people named in reports and linked to hotspots, reports linked to hotspots. One indexed query per
 * node kind per step.
 */
export function graphAround(db: Sqlite, start: { kind: 'person' | 'hotspot'; id: string }, depth: number): GraphView {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const label = labeler(db);
  const first = label(start.kind, start.id);
  if (first === null) throw new AppError('record.not_found', `${start.kind} ${start.id} not found`);
  nodes.set(key(start.kind, start.id), { id: key(start.kind, start.id), kind: start.kind, label: first });
  let frontier: { kind: Kind; id: string }[] = [start];
  for (let step = 0; step < depth && frontier.length > 0; step += 1) {
    const next: { kind: Kind; id: string }[] = [];
    for (const node of frontier) {
      for (const link of neighbours(db, node)) {
        if (nodes.size >= MAX_NODES && !nodes.has(key(link.kind, link.id))) continue;
        const from = key(node.kind, node.id);
        const to = key(link.kind, link.id);
        if (!nodes.has(to)) {
          const text = label(link.kind, link.id);
          if (text === null) continue;
          nodes.set(to, { id: to, kind: link.kind, label: text });
          next.push({ kind: link.kind, id: link.id });
        }
        const [a, b] = from < to ? [from, to] : [to, from];
        edges.set(`${a}|${b}|${link.edge}`, { from, to, kind: link.edge });
      }
    }
    frontier = next;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function neighbours(db: Sqlite, node: { kind: Kind; id: string }): { kind: Kind; id: string; edge: string }[] {
  const rows = (sql: string, ...params: unknown[]) => prepared(db, sql).all(...params) as { id: string; edge: string }[];
  if (node.kind === 'person') {
    return [
      ...rows(
        `SELECT CASE WHEN person_id = ? THEN other_id ELSE person_id END AS id, kind AS edge FROM person_links
         WHERE (person_id = ? OR other_id = ?) AND deleted_at IS NULL`,
        node.id,
        node.id,
        node.id,
      ).map((r) => ({ kind: 'person' as const, ...r })),
      ...rows('SELECT report_id AS id, role AS edge FROM report_persons WHERE person_id = ? AND deleted_at IS NULL', node.id).map((r) => ({ kind: 'report' as const, ...r })),
      ...rows('SELECT hotspot_id AS id, role AS edge FROM hotspot_persons WHERE person_id = ? AND deleted_at IS NULL', node.id).map((r) => ({ kind: 'hotspot' as const, ...r })),
    ];
  }
  if (node.kind === 'hotspot') {
    return [
      ...rows('SELECT person_id AS id, role AS edge FROM hotspot_persons WHERE hotspot_id = ? AND deleted_at IS NULL', node.id).map((r) => ({ kind: 'person' as const, ...r })),
      ...rows("SELECT report_id AS id, 'report' AS edge FROM hotspot_reports WHERE hotspot_id = ? AND deleted_at IS NULL", node.id).map((r) => ({ kind: 'report' as const, ...r })),
    ];
  }
  return [
    ...rows('SELECT person_id AS id, role AS edge FROM report_persons WHERE report_id = ? AND deleted_at IS NULL', node.id).map((r) => ({ kind: 'person' as const, ...r })),
    ...rows("SELECT hotspot_id AS id, 'report' AS edge FROM hotspot_reports WHERE report_id = ? AND deleted_at IS NULL", node.id).map((r) => ({ kind: 'hotspot' as const, ...r })),
  ];
}

function labeler(db: Sqlite): (kind: Kind, id: string) => string | null {
  return (kind, id) => {
    if (kind === 'person') {
      const row = prepared(db, 'SELECT full_name, birth_year FROM persons WHERE id = ? AND deleted_at IS NULL').get(id) as { full_name: string; birth_year: number | null } | undefined;
      return row ? (row.birth_year ? `${row.full_name} (${row.birth_year})` : row.full_name) : null;
    }
    if (kind === 'hotspot') {
      const row = prepared(db, 'SELECT name FROM hotspots WHERE id = ? AND deleted_at IS NULL').get(id) as { name: string } | undefined;
      return row ? row.name : null;
    }
    const row = prepared(db, 'SELECT register_no, register_year, summary FROM reports WHERE id = ? AND deleted_at IS NULL').get(id) as
      | { register_no: number; register_year: number; summary: string }
      | undefined;
    return row ? `${formatRegisterNumber(row.register_no, row.register_year)} ${row.summary}` : null;
  };
}
