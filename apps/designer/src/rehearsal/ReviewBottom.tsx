import type { ReactNode } from 'react';
import type { BatonMap, Team } from '@baton/engine';
import type { VersionEvidence } from '../api/rehearsal.ts';
import { EvidencePanel } from './EvidencePanel.tsx';
import { ReplayPanel } from './ReplayPanel.tsx';
import './rehearsal.css';

/**
 * Under the canvas in Review mode: the evidence of the kept scenarios (rehearsed on the server on
 * submission; it decides whether the version may be approved), the replay of real mentions, and
 * `children` (the shipped scenarios rehearsed in this browser).
 */
export function ReviewBottom({ evidence, map, teams, mapId, version, children }: {
  evidence: VersionEvidence | null | undefined;
  map: BatonMap | null;
  teams: Team[];
  mapId: string;
  version: number | null;
  children: ReactNode;
}) {
  const nodeLabel = (id: string) => map?.nodes.find((n) => n.id === id)?.label ?? id;
  const failed = evidence?.passed === false;
  return (
    <div className="review-bottom">
      <details open className="review-section" data-testid="review-evidence-section">
        <summary><strong>Evidence from kept scenarios</strong>{' '}
          <span className={failed ? 'bar-fail' : evidence?.passed ? 'bar-pass' : 'muted'}>
            {evidence?.state === 'running' ? '— rehearsing…' : failed ? `— ${evidence.failedBars.length} bar${evidence.failedBars.length === 1 ? '' : 's'} failed` : evidence?.passed ? '— every bar passed' : ''}
          </span>
        </summary>
        <EvidencePanel evidence={evidence} map={map} teams={teams} />
      </details>
      {version !== null && (
        <details className="review-section">
          <summary><strong>Replay real mentions</strong> <span className="muted small">— which would route differently on v{version}</span></summary>
          <ReplayPanel mapId={mapId} version={version} versionLabel={`v${version}`} teams={teams} nodeLabel={nodeLabel} titled={false} />
        </details>
      )}
      {children}
    </div>
  );
}
