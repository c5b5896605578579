import { useCallback, useMemo, useState } from 'react';
import type { DragEvent } from 'react';
import { Background, BackgroundVariant, Controls, MarkerType, MiniMap, ReactFlow, useReactFlow, useStore } from '@xyflow/react';
import type { Connection, Edge, EdgeChange, Node, NodeChange, ReactFlowState } from '@xyflow/react';
import type { NodeType } from '@baton/engine';
import { edgeTypes } from './edges/HandoffEdge.tsx';
import { EdgeLabelLayer } from './edges/edgeLabelLayer.ts';
import { nodeTypes } from './nodes/nodeTypes.ts';
import { PALETTE_MIME } from './Palette.tsx';
import type { ReviewOverlay } from './review/reviewOverlay.ts';
import type { FlowEdge, FlowNode } from './toMapDocument.ts';
import { useMapStore, useMapStoreApi } from './useMapStore.ts';
import { openingView } from './openingView.ts';

const MINIMAP_COLOURS: Record<string, string> = {
  trigger: '#0f766e', decision: '#6d28d9', action: '#64748b', pass: '#1d4ed8', end: '#1f2937',
};
const defaultEdgeOptions = { type: 'handoff', markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: '#64748b' } } as const;
const SNAP: [number, number] = [16, 16];
// Everything handed to React Flow keeps its identity across renders: the canvas re-renders on every
// pointer move of a drag, and a new callback or object would be copied into React Flow's store (one
// store update each, running every node's and edge's selectors) or re-render every edge and
// minimap node.
const minimapColour = (n: Node) => MINIMAP_COLOURS[n.type ?? ''] ?? '#94a3b8';
const MINIMAP_STYLE = { width: 160, height: 110 };
const PRO_OPTIONS = { hideAttribution: false };
const findLabelLayer = (s: ReactFlowState) => s.domNode?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null;

/**
 * The canvas: React Flow bound to the map store, with drop-from-palette, minimap, controls and a
 * snapping grid. In review mode it is read-only and shows the diff overlay.
 */
export function MapCanvas({ editable, overlay }: { editable: boolean; overlay: ReviewOverlay | null }) {
  const store = useMapStoreApi();
  const nodes = useMapStore((s) => s.nodes);
  const edges = useMapStore((s) => s.edges);
  const { screenToFlowPosition } = useReactFlow();
  // Looked up once for the canvas rather than once per edge label (see edgeLabelLayer.ts).
  const labelLayer = useStore(findLabelLayer);
  // Fit a map that has steps when it opens; a blank canvas keeps zoom 100% so drops land where aimed.
  const [fitOnOpen] = useState(() => store.getState().nodes.length > 0);
  const [fitOptions] = useState(() => openingView(store.getState().nodes));

  const shownNodes = useMemo(() => (overlay ? overlay.decorateNodes(nodes) : nodes), [nodes, overlay]);
  const shownEdges = useMemo(() => (overlay ? overlay.decorateEdges(edges) : edges), [edges, overlay]);

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const type = event.dataTransfer.getData(PALETTE_MIME) as NodeType;
      if (!editable || !type) return;
      store.addNode(type, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [editable, screenToFlowPosition, store],
  );
  const onDragOver = useCallback((event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);
  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => store.onNodesChange(changes), [store]);
  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => store.onEdgesChange(changes), [store]);
  const onConnect = useCallback((c: Connection) => store.connect(c), [store]);
  const onReconnect = useCallback((edge: FlowEdge, c: Connection) => store.reconnect(edge.id, c), [store]);
  const beginDrag = useCallback(() => store.beginDrag(), [store]);
  const isValidConnection = useCallback(
    (c: Connection | Edge) => {
      if (c.source === c.target) return false;
      const target = store.getState().nodes.find((n) => n.id === c.target);
      return target?.type !== 'trigger';
    },
    [store],
  );

  return (
    <div className="canvas" data-testid="canvas" onDrop={onDrop} onDragOver={onDragOver}>
      <EdgeLabelLayer.Provider value={labelLayer}>
        <ReactFlow<FlowNode, FlowEdge>
          nodes={shownNodes}
          edges={shownEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          defaultEdgeOptions={defaultEdgeOptions}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          edgesReconnectable={editable}
          onReconnect={onReconnect}
          onNodeDragStart={beginDrag}
          onSelectionDragStart={beginDrag}
          isValidConnection={isValidConnection}
          nodesDraggable={editable}
          nodesConnectable={editable}
          deleteKeyCode={null}
          onlyRenderVisibleElements={nodes.length > 150}
          snapToGrid
          snapGrid={SNAP}
          fitView={fitOnOpen}
          fitViewOptions={fitOptions}
          minZoom={0.1}
          maxZoom={2}
          proOptions={PRO_OPTIONS}
        >
          <Background variant={BackgroundVariant.Dots} gap={16} size={1} color="#cbd5e1" />
          <Controls showInteractive={false} aria-label="Zoom controls" />
          <MiniMap pannable zoomable style={MINIMAP_STYLE} nodeColor={minimapColour} ariaLabel="Map overview" />
        </ReactFlow>
      </EdgeLabelLayer.Provider>
      {nodes.length === 0 && (
        <div className="canvas-empty" data-testid="canvas-empty">
          <p><strong>An empty map.</strong> Drag a <em>Trigger</em> from the palette to say what starts a case.</p>
        </div>
      )}
    </div>
  );
}
