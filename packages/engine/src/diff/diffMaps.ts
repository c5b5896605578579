import { z } from 'zod';

/** One field that differs between two versions; nested objects give dotted names (`expected.within`). */
export const fieldChangeSchema = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** What changed in a list of things with ids (nodes or edges). */
export const listDiffSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.object({ id: z.string(), fields: z.array(fieldChangeSchema) })),
});
export type ListDiff = z.infer<typeof listDiffSchema>;

/** The visual diff an approver reviews: `GET /api/maps/:id/diff` and the designer's review mode. */
export const mapDiffSchema = z.object({ nodes: listDiffSchema, edges: listDiffSchema, settings: z.array(fieldChangeSchema) });
export type MapDiff = z.infer<typeof mapDiffSchema>;

type Doc = Record<string, unknown>;
type Item = { id: string } & Doc;

const isRecord = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The same value whatever the order of its keys. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (isRecord(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
  return v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * Changed fields in key order, descending into nested objects (`expected.within`) but not into
 * lists or conditions (`when` is one rule, shown whole). A field on one side only is `null` on the other.
 */
function fieldChanges(a: Doc, b: Doc, skip: readonly string[], prefix = ''): FieldChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.includes(k)).sort();
  return keys.flatMap((k) => {
    if (same(a[k], b[k])) return [];
    const field = `${prefix}${k}`;
    if (isRecord(a[k]) && isRecord(b[k]) && k !== 'when') return fieldChanges(a[k], b[k], [], `${field}.`);
    return [{ field, from: a[k] ?? null, to: b[k] ?? null }];
  });
}

function items(doc: Doc, key: string): Item[] {
  const list = doc[key];
  return Array.isArray(list) ? list.filter((x): x is Item => isRecord(x) && typeof x.id === 'string') : [];
}

function diffList(from: Item[], to: Item[], skip: readonly string[]): ListDiff {
  const before = new Map(from.map((x) => [x.id, x]));
  const after = new Map(to.map((x) => [x.id, x]));
  return {
    added: to.filter((x) => !before.has(x.id)).map((x) => x.id),
    removed: from.filter((x) => !after.has(x.id)).map((x) => x.id),
    changed: to.flatMap((x) => {
      const old = before.get(x.id);
      const fields = old ? fieldChanges(old, x, skip) : [];
      return fields.length ? [{ id: x.id, fields }] : [];
    }),
  };
}

/**
 * Compares two map documents: nodes and edges added, removed and changed field by field, and the
 * map's own settings (name, hub, teams, crisis…). Moving a node is layout, not behaviour, so node
 * positions are left out; the order of keys does not matter. A missing `from` (nothing active yet)
 * counts as an empty document, so everything in `to` is added. Takes any document, valid or not
 * (a stored draft may be either).
 * @example diffMaps(active, draft).nodes.added // ['legal-review']
 */
export function diffMaps(from: object | null, to: object): MapDiff {
  const a = (from ?? {}) as Doc;
  const b = to as Doc;
  return {
    nodes: diffList(items(a, 'nodes'), items(b, 'nodes'), ['position']),
    edges: diffList(items(a, 'edges'), items(b, 'edges'), []),
    settings: fieldChanges(a, b, ['nodes', 'edges']),
  };
}
