import { createContext } from 'react';

/**
 * React Flow's layer for edge labels (`.react-flow__edgelabel-renderer`), looked up once by the
 * canvas. `EdgeLabelRenderer` finds it with a `querySelector` in a store selector of its own, so
 * with hundreds of labels every store update (each pointer move of a drag) walked the DOM once per
 * label; portalling into this element draws the same labels in the same place.
 */
export const EdgeLabelLayer = createContext<HTMLElement | null>(null);
