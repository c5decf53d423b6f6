import { useCallback } from 'react';
import type { GraphNode } from '../../../api/views';
import { Button } from '../../components/button';
import { LoadedView } from '../../components/loaded-view';
import { Page } from '../../components/page';
import { useCall } from '../../data/use-call';
import { useI18n } from '../../i18n';
import { href, navigate, paths, type Path } from '../../router';
import { graphPrintPath } from '../../print/print-route';
import { codeLabel } from '../register/labels';
import { GraphCanvas } from './graph-canvas';
import { graphEdgeLabel } from './graph-labels';
import { nodeLooks } from './graph-style';

/** A node's id is "<kind>:<record id>" (one graph holds records of three tables). */
const recordId = (node: GraphNode) => node.id.slice(node.id.indexOf(':') + 1);

function pathOf(node: GraphNode): Path {
  if (node.kind === 'hotspot') return paths.hotspot(recordId(node));
  if (node.kind === 'report') return paths.report(recordId(node));
  return paths.person(recordId(node));
}

/** Sơ đồ liên hệ: people, hotspots and reports up to two links out, drawn and listed, printable. */
export function GraphPage({ kind, id }: { readonly kind: 'person' | 'hotspot'; readonly id: string }) {
  const { t } = useI18n();
  const [graph] = useCall('graph.around', { kind, id, depth: 2 });
  const edgeLabel = useCallback((code: string) => graphEdgeLabel(t, code), [t]);
  const open = useCallback((node: GraphNode) => navigate(pathOf(node)), []);
  const rootId = `${kind}:${id}`;
  const root = graph.status === 'ready' ? graph.value.nodes.find((n) => n.id === rootId) : undefined;
  const back = kind === 'hotspot' ? paths.hotspot(id) : paths.person(id);
  return (
    <Page title={root ? t('graph.titleOf', { name: root.label }) : t('graph.title')} wide>
      <div className="page-actions no-print">
        <Button href={href(back)}>{t('graph.back')}</Button>
        <Button variant="primary" href={href(graphPrintPath(kind, id))}>
          {t('graph.print')}
        </Button>
      </div>
      <LoadedView loaded={graph}>
        {(value) => {
          const label = (node: GraphNode) => value.nodes.find((n) => n.id === node.id)?.label ?? '';
          return (
            <>
              <ul className="graph-legend" aria-label={t('graph.legend')}>
                {(['person', 'hotspot', 'report'] as const).map((k) => (
                  <li key={k}>
                    <span className={`graph-swatch graph-swatch-${k}`} aria-hidden="true" />
                    {codeLabel(t, 'graphNode', k)}
                    <span className="sr-only"> ({t(`graph.shape.${nodeLooks[k].shape}`)})</span>
                  </li>
                ))}
              </ul>
              <p role="status">{t('graph.summary', { nodes: value.nodes.length, edges: value.edges.length })}</p>
              <GraphCanvas graph={value} rootId={rootId} edgeLabel={edgeLabel} onOpen={open} label={t('graph.canvasLabel', { nodes: value.nodes.length })} />
              <h2 className="sr-only" id="graph-nodes">
                {t('graph.nodes')}
              </h2>
              <ul className="sr-only" aria-labelledby="graph-nodes">
                {value.nodes.map((node) => (
                  <li key={node.id}>
                    <a href={href(pathOf(node))}>
                      {codeLabel(t, 'graphNode', node.kind)}: {label(node)}
                    </a>
                    {value.edges
                      .filter((e) => e.from === node.id)
                      .map((e) => ` – ${edgeLabel(e.kind)}: ${value.nodes.find((n) => n.id === e.to)?.label ?? ''}`)
                      .join('')}
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </LoadedView>
    </Page>
  );
}
