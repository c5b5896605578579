/**
 * The review mode's look on the canvas: added steps green, changed amber, removed ones ghosted red
 * where they used to be.
 */
import type { BatonMap } from '@baton/engine';
import type { MapDiff } from '@baton/engine';
import { toFlowEdge, toFlowNode } from '../toMapDocument.ts';
import type { FlowEdge, FlowNode } from '../toMapDocument.ts';

/** Decorates the canvas's nodes and edges with the diff. */
export interface ReviewOverlay {
  diff: MapDiff;
  decorateNodes(nodes: FlowNode[]): FlowNode[];
  decorateEdges(edges: FlowEdge[]): FlowEdge[];
}

/** Prefix of the ids of ghosted (removed) nodes and edges. */
export const GHOST_PREFIX = 'removed:';

/** Builds the overlay for `diff`, taking removed elements from `active`. */
export function reviewOverlay(diff: MapDiff, active: BatonMap | null): ReviewOverlay {
  const added = new Set(diff.nodes.added);
  const changed = new Set(diff.nodes.changed.map((c) => c.id));
  const removedNodes = new Set(diff.nodes.removed);
  const addedEdges = new Set(diff.edges.added);
  const changedEdges = new Set(diff.edges.changed.map((c) => c.id));
  const removedEdges = new Set(diff.edges.removed);
  const ghostNodes: FlowNode[] = (active?.nodes ?? [])
    .filter((n) => removedNodes.has(n.id))
    .map((n) => ({ ...toFlowNode(n), id: `${GHOST_PREFIX}${n.id}`, className: 'diff-removed', selectable: false, draggable: false, connectable: false }) as FlowNode);
  const ghostEdges: FlowEdge[] = (active?.edges ?? [])
    .filter((e) => removedEdges.has(e.id))
    .map((e) => {
      const edge = toFlowEdge(e);
      const end = (id: string) => (removedNodes.has(id) ? `${GHOST_PREFIX}${id}` : id);
      return { ...edge, id: `${GHOST_PREFIX}${e.id}`, source: end(e.source), target: end(e.target), className: 'diff-removed', selectable: false };
    });
  const nodeClass = (id: string) => (added.has(id) ? 'diff-added' : changed.has(id) ? 'diff-changed' : 'diff-same');
  const edgeClass = (id: string) => (addedEdges.has(id) ? 'diff-added' : changedEdges.has(id) ? 'diff-changed' : 'diff-same');
  return {
    diff,
    decorateNodes: (nodes) => [...nodes.map((n) => ({ ...n, className: nodeClass(n.id) }) as FlowNode), ...ghostNodes],
    decorateEdges: (edges) => [...edges.map((e) => ({ ...e, className: edgeClass(e.id) })), ...ghostEdges],
  };
}
