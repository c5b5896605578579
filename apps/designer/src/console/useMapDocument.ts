import type { BatonMap } from '@baton/engine';
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';

/** Approved versions never change, so each is fetched once per page load. */
const cache = new Map<string, Promise<BatonMap>>();

function loadMapDocument(mapId: string, version: number): Promise<BatonMap> {
  const key = `${mapId}@${version}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = api.version(mapId, version).then((v) => v.document);
    pending.catch(() => cache.delete(key)); // try again next time
    cache.set(key, pending);
  }
  return pending;
}

/** The document of one map version (node labels, expected action), or null while loading or if it fails. */
export function useMapDocument(mapId: string | undefined, version: number | undefined): BatonMap | null {
  const key = mapId && version !== undefined ? `${mapId}@${version}` : '';
  const [doc, setDoc] = useState<{ key: string; doc: BatonMap } | null>(null);
  useEffect(() => {
    if (!key || !mapId || version === undefined) return;
    let live = true;
    loadMapDocument(mapId, version).then((d) => live && setDoc({ key, doc: d }), () => undefined);
    return () => {
      live = false;
    };
  }, [key, mapId, version]);
  return doc?.key === key ? doc.doc : null;
}

/** Node labels of several map versions at once, for queue rows: `labels(mapId, version, nodeId)`. */
export function useNodeLabels(versions: { mapId: string; mapVersion: number }[]): (mapId: string, version: number, node: string) => string | undefined {
  const keys = [...new Set(versions.map((v) => `${v.mapId}@${v.mapVersion}`))].sort().join('|');
  const [docs, setDocs] = useState<Map<string, BatonMap>>(new Map());
  useEffect(() => {
    let live = true;
    for (const key of keys ? keys.split('|') : []) {
      const at = key.lastIndexOf('@');
      const mapId = key.slice(0, at);
      const version = Number(key.slice(at + 1));
      loadMapDocument(mapId, version).then((d) => live && setDocs((m) => (m.has(key) ? m : new Map(m).set(key, d))), () => undefined);
    }
    return () => {
      live = false;
    };
  }, [keys]);
  return (mapId, version, node) => docs.get(`${mapId}@${version}`)?.nodes.find((n) => n.id === node)?.label;
}
