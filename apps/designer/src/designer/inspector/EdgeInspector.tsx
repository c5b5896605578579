import { describeCondition } from '../engine.ts';
import { useEdgeProblems } from '../problems.ts';
import type { FlowEdge } from '../toMapDocument.ts';
import { useMapStore, useMapStoreApi } from '../useMapStore.ts';
import { ConditionBuilder, NEW_TEST } from './ConditionBuilder.tsx';
import { TextField } from './fields.tsx';

/** A link's fields: a decision branch's condition and order, a pass outcome, a label. */
export function EdgeInspector({ edge }: { edge: FlowEdge }) {
  const store = useMapStoreApi();
  const nodes = useMapStore((s) => s.nodes);
  const edges = useMapStore((s) => s.edges);
  const problems = useEdgeProblems(edge.id);
  const source = nodes.find((n) => n.id === edge.source);
  const target = nodes.find((n) => n.id === edge.target);
  const siblings = edges.filter((e) => e.source === edge.source);
  const when = edge.data?.when;
  return (
    <div className="inspector-body" data-inspector-edge={edge.id}>
      <p className="inspector-kind">Link from “{source?.data.label ?? edge.source}” to “{target?.data.label ?? edge.target}”</p>
      {problems.length > 0 && (
        <ul className="inspector-problems">
          {problems.map((p, i) => <li key={i} className={`problem-${p.severity}`}><code>{p.code}</code> {p.message}</li>)}
        </ul>
      )}
      {source?.type === 'decision' && (
        <>
          <p className="field-hint">Branch {siblings.indexOf(edge) + 1} of {siblings.length}: branches are tried in order; the one without a condition is taken otherwise.</p>
          <div className="row-buttons">
            <button type="button" onClick={() => store.moveEdge(edge.id, -1)} disabled={siblings[0] === edge}>Try earlier</button>
            <button type="button" onClick={() => store.moveEdge(edge.id, 1)} disabled={siblings.at(-1) === edge}>Try later</button>
          </div>
          {when ? (
            <>
              <ConditionBuilder value={when} onChange={(next) => store.updateEdge(edge.id, { when: next }, 'when')} />
              <button type="button" onClick={() => store.updateEdge(edge.id, { when: undefined })}>Make this the “otherwise” branch</button>
            </>
          ) : (
            <>
              <p><strong>otherwise</strong> — taken when no other branch matches.</p>
              <button type="button" onClick={() => store.updateEdge(edge.id, { when: NEW_TEST })}>Give it a condition</button>
            </>
          )}
        </>
      )}
      {source?.type === 'pass' && <p>Outcome: <strong>{edge.data?.on ?? '(none)'}</strong>{edge.data?.on === 'timeout' ? ' — taken when the deadline passes' : ''}</p>}
      {when && source?.type !== 'decision' && <p className="field-hint">Condition “{describeCondition(when)}” has no meaning here.</p>}
      <TextField label="Label" name="edge-label" value={edge.data?.label ?? ''} onChange={(label) => store.updateEdge(edge.id, { label: label || undefined }, 'label')} />
      <button type="button" className="danger" onClick={() => store.deleteElements([], [edge.id])}>Delete link</button>
    </div>
  );
}
