/**
 * Auto-layout with ELK's layered algorithm: top to bottom, triggers first, pass outcomes fanning
 * out below their pass. ELK is loaded on first use to keep the first screen light.
 */
import type { XYPosition } from '@xyflow/react';
import type { FlowEdge, FlowNode } from './toMapDocument.ts';

const FALLBACK_SIZE: Record<string, { width: number; height: number }> = {
  trigger: { width: 260, height: 80 }, decision: { width: 200, height: 64 }, action: { width: 220, height: 80 },
  pass: { width: 300, height: 150 }, end: { width: 240, height: 80 },
};

/** New positions for every node. */
export async function autoLayout(nodes: FlowNode[], edges: FlowEdge[]): Promise<Map<string, XYPosition>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const ids = new Set(nodes.map((n) => n.id));
  const graph = await elk.layout({
    id: 'map',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': '48',
      'elk.layered.spacing.nodeNodeBetweenLayers': '72',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.edgeRouting': 'ORTHOGONAL',
    },
    children: nodes.map((n) => ({
      id: n.id,
      width: n.measured?.width ?? FALLBACK_SIZE[n.type]!.width,
      height: n.measured?.height ?? FALLBACK_SIZE[n.type]!.height,
    })),
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const positions = new Map<string, XYPosition>();
  for (const child of graph.children ?? []) {
    positions.set(child.id, { x: Math.round((child.x ?? 0) / 16) * 16, y: Math.round((child.y ?? 0) / 16) * 16 });
  }
  return positions;
}

/** The box a node takes on the canvas (measured, or a typical size before it is drawn). */
export function boxOf(n: FlowNode): { x: number; y: number; w: number; h: number } {
  return { x: n.position.x, y: n.position.y, w: n.measured?.width ?? FALLBACK_SIZE[n.type]!.width, h: n.measured?.height ?? FALLBACK_SIZE[n.type]!.height };
}

/** A spot near `at` where a node of `type` overlaps none of `nodes` (stepping down the canvas). */
export function freeSpot(nodes: FlowNode[], type: FlowNode['type'], at: XYPosition): XYPosition {
  const size = FALLBACK_SIZE[type]!;
  const boxes = nodes.map(boxOf);
  let y = at.y;
  for (let tries = 0; tries < 100; tries++) {
    const clash = boxes.find((b) => at.x < b.x + b.w + 24 && b.x < at.x + size.width + 24 && y < b.y + b.h + 24 && b.y < y + size.height + 24);
    if (!clash) return { x: at.x, y };
    y = clash.y + clash.h + 80;
  }
  return { x: at.x, y };
}

/** Whether any two nodes' boxes overlap (a layout drawn for smaller cards, or none at all). */
export function hasOverlap(nodes: FlowNode[]): boolean {
  const boxes = nodes.map((n) => ({
    x: n.position.x, y: n.position.y,
    w: n.measured?.width ?? FALLBACK_SIZE[n.type]!.width, h: n.measured?.height ?? FALLBACK_SIZE[n.type]!.height,
  }));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) return true;
    }
  }
  return false;
}
