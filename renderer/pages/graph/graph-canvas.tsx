import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { GraphView } from '../../../api/views';
import { graphStyle } from './graph-style';

/**
 * Cytoscape adds a <style> element to the page on its first use (for `position: relative` on its
 * container), which the app's CSP (style-src 'self') refuses. An element with that stylesheet's id makes
 * it skip that step; styles.css has the rule instead.
 */
function skipCytoscapeStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const marker = document.createElement('meta');
  marker.id = id;
  document.head.prepend(marker);
}

export interface GraphCanvasProps {
  readonly graph: GraphView;
  readonly rootId: string;
  /** A node's label and its edges' labels, in the interface language. */
  readonly edgeLabel: (kind: string) => string;
  readonly onOpen: (node: GraphView['nodes'][number]) => void;
  readonly label: string;
}

/** The link graph drawn on a canvas; a click on a node opens its page. */
export function GraphCanvas({ graph, rootId, edgeLabel, onOpen, label }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const openRef = useRef(onOpen);
  openRef.current = onOpen;

  useEffect(() => {
    if (!container.current) return;
    skipCytoscapeStylesheet();
    const cy = cytoscape({
      container: container.current,
      style: graphStyle,
      elements: [
        ...graph.nodes.map((node) => ({ data: { id: node.id, label: node.label, kind: node.kind, root: node.id === rootId } })),
        ...graph.edges.map((edge, index) => ({ data: { id: `e${index}`, source: edge.from, target: edge.to, label: edgeLabel(edge.kind) } })),
      ],
      layout: { name: 'cose', animate: false, padding: 30, nodeRepulsion: () => 9000, idealEdgeLength: () => 110 },
      wheelSensitivity: 0.3,
      // A small graph would otherwise be zoomed in until its labels are huge.
      maxZoom: 1.4,
      minZoom: 0.2,
      boxSelectionEnabled: false,
    });
    cy.on('tap', 'node', (event) => {
      const node = graph.nodes.find((n) => n.id === event.target.id());
      if (node) openRef.current(node);
    });
    return () => cy.destroy();
  }, [graph, rootId, edgeLabel]);

  return <div ref={container} className="graph-canvas" role="img" aria-label={label} />;
}
