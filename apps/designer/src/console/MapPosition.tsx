import type { BatonMap } from '@baton/engine';
import type { CaseDetail } from '../api/cases.ts';

/** Where the case is on its map: the current node and the path walked to get there. */
export function MapPosition({ c, doc, mapName, teamName }: { c: CaseDetail; doc: BatonMap | null; mapName: string; teamName: string }) {
  const label = (id: string) => doc?.nodes.find((n) => n.id === id)?.label ?? id;
  return (
    <section className="case-box" aria-labelledby="where-title">
      <h2 id="where-title">Where it is</h2>
      <p>
        <strong data-testid="case-node">{c.nodeLabel}</strong> on <a href={`#/maps/${encodeURIComponent(c.mapId)}`}>{mapName}</a>{' '}
        <span className="muted">v{c.mapVersion}</span>
      </p>
      <p className="muted small">With {teamName}</p>
      <ol className="map-path" aria-label="Path on the map">
        {c.path.map((id, i) => (
          <li key={`${id}-${i}`} aria-current={i === c.path.length - 1 ? 'step' : undefined} className={c.breaches.includes(id) ? 'path-breached' : undefined}>
            {label(id)}
            {c.breaches.includes(id) && <span className="visually-hidden"> (deadline missed)</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
