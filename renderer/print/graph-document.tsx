import { GraphCanvas } from '../pages/graph/graph-canvas';
import { graphEdgeLabel } from '../pages/graph/graph-labels';
import { nodeLooks } from '../pages/graph/graph-style';
import { codeLabel } from '../pages/register/labels';
import { DocumentHeader } from './document-header';
import { DocumentTitle } from './document-title';
import { ListTable, type ListColumn } from './list-table';
import type { GraphData } from './print-data';
import { documentNumber, placeDateLine } from './print-format';
import { graphText as text, tVi } from './print-text';

interface LinkRow {
  readonly key: string;
  readonly from: string;
  readonly link: string;
  readonly to: string;
}

const columns: readonly ListColumn<LinkRow>[] = [
  { key: 'from', header: text.columns.from, width: '38%', cell: (row) => row.from },
  { key: 'link', header: text.columns.link, width: '22%', center: true, cell: (row) => row.link },
  { key: 'to', header: text.columns.to, width: '40%', cell: (row) => row.to },
];

const noOpen = () => undefined;
const edgeLabel = (code: string) => graphEdgeLabel(tVi, code);

/**
 * The link chart (Sơ đồ liên hệ) as a document: the office's header, the title with the record at its
 * centre, the chart laid out on rings (graph-layout.ts), its legend, and every link written out as a
 * table, so the paper says what the drawing shows. No screen instructions ("Bấm vào một nút…").
 */
export function GraphDocument({ data, printedAt }: { readonly data: GraphData; readonly printedAt: number }) {
  const { office, graph, rootId } = data;
  const name = (id: string) => {
    const node = graph.nodes.find((n) => n.id === id);
    return node ? `${node.label} (${codeLabel(tVi, 'graphNode', node.kind)})` : '';
  };
  const root = graph.nodes.find((n) => n.id === rootId);
  const rows: LinkRow[] = graph.edges.map((edge, index) => ({ key: String(index), from: name(edge.from), link: edgeLabel(edge.kind), to: name(edge.to) }));
  return (
    <article className="doc doc-landscape" aria-label={text.title}>
      <DocumentHeader parentName={office.parentName} officeName={office.name} number={documentNumber(null, text.symbol, office.name)} placeDate={placeDateLine(office.name, printedAt)} />
      <DocumentTitle title={text.title} summary={root ? text.summary(root.label) : undefined} />
      <ul className="doc-graph-legend" aria-label={text.legend}>
        {(['person', 'hotspot', 'report'] as const).map((kind) => (
          <li key={kind}>
            <span className={`graph-swatch graph-swatch-${kind}`} aria-hidden="true" />
            {codeLabel(tVi, 'graphNode', kind)} ({text.shapes[nodeLooks[kind].shape]})
          </li>
        ))}
      </ul>
      <div className="doc-graph">
        <GraphCanvas graph={graph} rootId={rootId} edgeLabel={edgeLabel} onOpen={noOpen} label={text.canvas(graph.nodes.length, graph.edges.length)} interactive={false} />
      </div>
      <p className="doc-table-total">{text.count(graph.nodes.length, graph.edges.length)}</p>
      <ListTable caption={text.caption} columns={columns} groups={[{ key: 'links', rows }]} rowKey={(row) => row.key} empty={text.empty} />
    </article>
  );
}
