import type { MapNode } from '../schema/map.ts';

/** Root states that are not map nodes. Parentheses cannot occur in node ids, so no clash. */
export const START_STATE = '(start)';
export const ENDED_STATE = '(ended)';

/**
 * XState reads `.` in state keys and ids as a path separator, and node ids may contain dots.
 * Gives every node a key without dots, unique within the map.
 */
export function stateKeys(nodes: readonly MapNode[]): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>([START_STATE, ENDED_STATE]);
  for (const node of nodes) {
    let key = node.id.replaceAll('.', '·');
    for (let n = 2; used.has(key); n++) key = `${node.id.replaceAll('.', '·')}~${n}`;
    used.add(key);
    keys.set(node.id, key);
  }
  return keys;
}
