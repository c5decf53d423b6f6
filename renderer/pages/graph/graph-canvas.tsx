import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { GraphView } from '../../../api/views';
import { ringLayout, shownLabel, type MeasureLabel } from './graph-layout';
import { graphStyle, LABEL_FONT, LABEL_LINE, LABEL_WIDTH } from './graph-style';

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
  /** Whether a click opens the node's page (not on paper). */
  readonly interactive?: boolean;
}

/** A label's size as cytoscape draws it: its text measured in the label's font, wrapped at LABEL_WIDTH. */
function labelMeasurer(): MeasureLabel {
  const context = document.createElement('canvas').getContext('2d');
  if (context) context.font = LABEL_FONT;
  return (label) => {
    const width = context ? context.measureText(label).width : [...label].length * 7;
    // Wrapping at word boundaries can take a line more than the width alone says.
    const lines = width <= LABEL_WIDTH ? 1 : Math.ceil(width / LABEL_WIDTH) + 1;
    return { width: Math.min(width, LABEL_WIDTH) + 4, height: lines * LABEL_LINE };
  };
}

/** The link graph drawn on a canvas; a click on a node opens its page. */
export function GraphCanvas({ graph, rootId, edgeLabel, onOpen, label, interactive = true }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const openRef = useRef(onOpen);
  openRef.current = onOpen;

  useEffect(() => {
    if (!container.current) return;
    skipCytoscapeStylesheet();
    const count = graph.nodes.length;
    const shown = graph.nodes.map((node) => ({ id: node.id, label: shownLabel(node.label, count) }));
    const positions = Object.fromEntries(ringLayout(shown, graph.edges, rootId, labelMeasurer()).map((p) => [p.id, { x: p.x, y: p.y }]));
    const element = container.current;
    const cy = cytoscape({
      container: element,
      style: graphStyle,
      elements: [
        ...graph.nodes.map((node, index) => ({ data: { id: node.id, label: shown[index]!.label, full: node.label, kind: node.kind, root: node.id === rootId } })),
        ...graph.edges.map((edge, index) => ({ data: { id: `e${index}`, source: edge.from, target: edge.to, label: edgeLabel(edge.kind) } })),
      ],
      // Rings around the centre record (graph-layout.ts): no label on another, the same drawing every time.
      layout: { name: 'preset', positions, fit: true, padding: 24, animate: false },
      userPanningEnabled: interactive,
      userZoomingEnabled: interactive,
      autoungrabify: !interactive,
      wheelSensitivity: 0.3,
      // A small graph would otherwise be zoomed in until its labels are huge.
      maxZoom: 1.4,
      minZoom: 0.2,
      boxSelectionEnabled: false,
    });
    if (interactive) {
      cy.on('tap', 'node', (event) => {
        const node = graph.nodes.find((n) => n.id === event.target.id());
        if (node) openRef.current(node);
      });
    }
    // A shortened label shows whole on hover.
    cy.on('mouseover', 'node', (event) => {
      element.title = String(event.target.data('full') ?? '');
    });
    cy.on('mouseout', 'node', () => {
      element.title = '';
    });
    // Drawn: a printed document waits for it.
    cy.one('render', () => {
      element.dataset.drawn = 'true';
    });
    return () => {
      delete element.dataset.drawn;
      cy.destroy();
    };
  }, [graph, rootId, edgeLabel, interactive]);

  return <div ref={container} className="graph-canvas" role="img" aria-label={label} />;
}
