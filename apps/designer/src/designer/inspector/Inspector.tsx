import type { User, VersionInfo } from '../../api/client.ts';
import { ErrorBoundary } from '../../shell/ErrorBoundary.tsx';
import { useMapStore, useMapStoreApi } from '../useMapStore.ts';
import { EdgeInspector } from './EdgeInspector.tsx';
import { MapInspector } from './MapInspector.tsx';
import { NodeInspector } from './NodeInspector.tsx';

/** The right panel: the selected step, the selected link, or the map itself. */
export function Inspector({ saved, versions, user }: { saved: boolean; versions: VersionInfo[]; user: User }) {
  const store = useMapStoreApi();
  const nodes = useMapStore((s) => s.nodes);
  const edges = useMapStore((s) => s.edges);
  const selectedNodes = nodes.filter((n) => n.selected);
  const selectedEdges = edges.filter((e) => e.selected);
  const count = selectedNodes.length + selectedEdges.length;
  let body;
  if (count > 1) {
    body = (
      <div className="inspector-body">
        <p>{selectedNodes.length} steps and {selectedEdges.length} links selected.</p>
        <button type="button" className="danger" onClick={() => store.deleteSelection()}>Delete selection</button>
      </div>
    );
  } else if (selectedNodes[0]) body = <NodeInspector key={selectedNodes[0].id} node={selectedNodes[0]} />;
  else if (selectedEdges[0]) body = <EdgeInspector key={selectedEdges[0].id} edge={selectedEdges[0]} />;
  else body = <MapInspector saved={saved} versions={versions} user={user} />;
  const key = selectedNodes[0]?.id ?? selectedEdges[0]?.id ?? 'map';
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      <ErrorBoundary key={key} what="This selection's settings">{body}</ErrorBoundary>
    </aside>
  );
}
