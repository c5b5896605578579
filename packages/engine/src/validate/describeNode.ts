import type { LenientEdge, LenientNode } from './lenientMap.ts';

const TYPE_NAMES: Record<string, string> = {
  trigger: 'Trigger', decision: 'Decision', action: 'Action', pass: 'Pass', end: 'End',
};

/**
 * `Pass 'care'`: how messages name a node (by id, which is unique and shown in the designer);
 * `pass 'care'` in the middle of a sentence.
 */
export function describeNode(node: LenientNode, startsSentence = true): string {
  const type = TYPE_NAMES[node.type ?? ''] ?? 'Node';
  return `${startsSentence ? type : type.toLowerCase()} '${node.id}'`;
}

/** `edge 'e3' (route → care)`: how messages name an edge. */
export function describeEdge(edge: LenientEdge): string {
  return `edge '${edge.id}' (${edge.source} → ${edge.target})`;
}

/** `a`, `a or b`, `a, b or c`. */
export function joinWords(items: readonly string[], joiner = 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}
