import type { FitViewOptions } from '@xyflow/react';

/** The least zoom a map opens at: below it labels stop being readable (the minimap shows the rest). */
export const OPEN_MIN_ZOOM = 0.6;

/** How far below the topmost step the opening view reaches, in canvas pixels. */
const OPENING_BAND = 700;

/**
 * How a map is framed when it opens: the whole map when it fits at a readable zoom, otherwise its
 * beginning — the triggers and what follows them in the top band — since that is where a reader
 * starts. Pure, so the framing is the same wherever the designer opens a map.
 */
export function openingView(nodes: readonly { id: string; position: { y: number } }[]): FitViewOptions {
  const options: FitViewOptions = { padding: 0.2, maxZoom: 1, minZoom: OPEN_MIN_ZOOM };
  if (nodes.length === 0) return options;
  const top = Math.min(...nodes.map((n) => n.position.y));
  const band = nodes.filter((n) => n.position.y <= top + OPENING_BAND);
  return band.length < nodes.length ? { ...options, nodes: band.map((n) => ({ id: n.id })) } : options;
}
