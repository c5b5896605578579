/** One field that differs between two versions. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** What changed in a list of things with ids (nodes or edges). */
export interface ListDiff {
  added: string[];
  removed: string[];
  changed: { id: string; fields: FieldChange[] }[];
}

/** The visual diff an approver reviews (docs/api.md). */
export interface MapDiff {
  nodes: ListDiff;
  edges: ListDiff;
  settings: FieldChange[];
}

type Doc = Record<string, unknown>;
type Item = { id: string } & Doc;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Doc)[k])]));
  }
  return v;
}

function fieldChanges(a: Doc, b: Doc, skip: readonly string[] = []): FieldChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.includes(k)).sort();
  return keys.filter((k) => !same(a[k], b[k])).map((k) => ({ field: k, from: a[k] ?? null, to: b[k] ?? null }));
}

function items(doc: Doc, key: string): Item[] {
  const list = doc[key];
  return Array.isArray(list) ? list.filter((x): x is Item => !!x && typeof x === 'object' && typeof (x as Doc).id === 'string') : [];
}

function diffList(from: Item[], to: Item[]): ListDiff {
  const before = new Map(from.map((x) => [x.id, x]));
  const after = new Map(to.map((x) => [x.id, x]));
  return {
    added: to.filter((x) => !before.has(x.id)).map((x) => x.id),
    removed: from.filter((x) => !after.has(x.id)).map((x) => x.id),
    changed: to
      .filter((x) => before.has(x.id))
      .map((x) => ({ id: x.id, fields: fieldChanges(before.get(x.id)!, x) }))
      .filter((c) => c.fields.length > 0),
  };
}

/**
 * Compares two map documents: nodes and edges added, removed and changed (field by field), and the
 * map's own settings (name, hub, teams, crisis…). A missing `from` counts as an empty map.
 * @example diffMaps(active, draft).nodes.added // ['legal-review']
 */
export function diffMaps(from: Doc | null, to: Doc): MapDiff {
  const a = from ?? {};
  return {
    nodes: diffList(items(a, 'nodes'), items(to, 'nodes')),
    edges: diffList(items(a, 'edges'), items(to, 'edges')),
    settings: fieldChanges(a, to, ['nodes', 'edges']),
  };
}
