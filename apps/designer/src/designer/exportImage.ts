/**
 * PNG and SVG pictures of the whole map (not just what is on screen), as React Flow's own
 * download-image example does: frame all nodes, then render the viewport element. The picture is
 * of the map, not of the editor: problem badges are left out and problem outlines are switched off
 * (class `exporting-picture` on the canvas while it renders; see styles.css).
 */
import { getNodesBounds, getViewportForBounds } from '@xyflow/react';
import type { Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

const PADDING = 40;

/** Renders the map in `container` (the `.react-flow` element) as a PNG or SVG data URL. */
export async function exportImage(container: HTMLElement, nodes: Node[], format: 'png' | 'svg'): Promise<string> {
  const viewport = container.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('The canvas is not on screen.');
  const bounds = getNodesBounds(nodes);
  const width = Math.max(320, Math.ceil(bounds.width + PADDING * 2));
  const height = Math.max(240, Math.ceil(bounds.height + PADDING * 2));
  const { x, y, zoom } = getViewportForBounds(bounds, width, height, 0.1, 1, `${PADDING}px`);
  const options = {
    backgroundColor: '#ffffff',
    filter: (node: HTMLElement) => !(node.classList?.contains('problem-badge')),
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${x}px, ${y}px) scale(${zoom})` },
  };
  container.classList.add('exporting-picture');
  try {
    return await (format === 'png' ? toPng(viewport, { ...options, pixelRatio: 2 }) : toSvg(viewport, options));
  } finally {
    container.classList.remove('exporting-picture');
  }
}
