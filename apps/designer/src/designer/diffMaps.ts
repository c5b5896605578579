/**
 * What changed between two versions of a map, node by node and field by field — the review
 * mode's evidence. Same shape as the runtime's `GET /api/maps/:id/diff`. Moving a node is layout,
 * not behaviour, so positions are left out.
 */
import type { BatonMap } from '@baton/engine';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ElementDiff {
  added: string[];
  removed: string[];
  changed: { id: string; fields: FieldChange[] }[];
}

export interface MapDiff {
  nodes: ElementDiff;
  edges: ElementDiff;
  settings: FieldChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Changed fields, descending into nested objects (`expected.within`) but not into lists or conditions. */
function fieldChanges(from: Record<string, unknown>, to: Record<string, unknown>, skip: string[], prefix = ''): FieldChange[] {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((k) => !skip.includes(k));
  return keys.flatMap((k) => {
    const a = from[k];
    const b = to[k];
    if (same(a, b)) return [];
    const field = `${prefix}${k}`;
    if (isRecord(a) && isRecord(b) && k !== 'when') return fieldChanges(a, b, [], `${field}.`);
    return [{ field, from: a, to: b }];
  });
}

function diffById<T extends { id: string }>(from: T[], to: T[], skip: string[]): ElementDiff {
  const before = new Map(from.map((x) => [x.id, x]));
  const after = new Map(to.map((x) => [x.id, x]));
  const added = to.filter((x) => !before.has(x.id)).map((x) => x.id);
  const removed = from.filter((x) => !after.has(x.id)).map((x) => x.id);
  const changed = to.flatMap((x) => {
    const old = before.get(x.id);
    if (!old) return [];
    const fields = fieldChanges(old as unknown as Record<string, unknown>, x as unknown as Record<string, unknown>, skip);
    return fields.length ? [{ id: x.id, fields }] : [];
  });
  return { added, removed, changed };
}

/** Compares `to` with `from`; with no `from` (no active version yet) everything is added. */
export function diffMaps(from: BatonMap | null, to: BatonMap): MapDiff {
  const base = from ?? { ...to, nodes: [], edges: [] };
  const { nodes: _n, edges: _e, ...settingsFrom } = base;
  const { nodes: _n2, edges: _e2, ...settingsTo } = to;
  return {
    nodes: diffById(base.nodes, to.nodes, ['position']),
    edges: diffById(base.edges, to.edges, []),
    settings: from ? fieldChanges(settingsFrom, settingsTo, []) : [],
  };
}
