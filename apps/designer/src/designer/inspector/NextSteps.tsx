import type { FlowNode } from '../toMapDocument.ts';
import { useMapStore, useMapStoreApi } from '../useMapStore.ts';

/**
 * "Where next" for the selected step, as selects: the keyboard way to connect steps (the same
 * edits as dragging from a handle). A trigger or action has one way on, a pass one per outcome
 * plus the timeout, a decision gains branches.
 */
export function NextSteps({ node }: { node: FlowNode }) {
  const store = useMapStoreApi();
  const nodes = useMapStore((s) => s.nodes);
  const edges = useMapStore((s) => s.edges);
  if (node.type === 'end') return null;
  const targets = nodes.filter((n) => n.id !== node.id && n.type !== 'trigger');
  const outgoing = edges.filter((e) => e.source === node.id);
  const slots: { handle: string | null; label: string }[] =
    node.type === 'pass'
      ? [...(node.data.expected?.outcomes ?? []).map((o) => ({ handle: o, label: `When “${o}”` })), { handle: 'timeout', label: 'When the deadline passes' }]
      : node.type === 'decision'
        ? []
        : [{ handle: null, label: 'Then' }];

  const setSlot = (handle: string | null, target: string) => {
    const current = outgoing.find((e) => (e.sourceHandle ?? null) === handle);
    if (!target) {
      if (current) store.deleteElements([], [current.id]);
      return;
    }
    if (current?.target === target) return;
    store.connect({ source: node.id, sourceHandle: handle, target, targetHandle: null });
  };

  return (
    <fieldset className="list-editor" data-list="next-steps">
      <legend>Where next</legend>
      {slots.map(({ handle, label }) => {
        const current = outgoing.find((e) => (e.sourceHandle ?? null) === handle);
        return (
          <label key={handle ?? 'then'} className="next-step">
            <span>{label}</span>
            <select name={`next-${handle ?? 'then'}`} value={current?.target ?? ''} onChange={(e) => setSlot(handle, e.target.value)}>
              <option value="">— nowhere yet —</option>
              {targets.map((t) => <option key={t.id} value={t.id}>{t.data.label} ({t.id})</option>)}
            </select>
          </label>
        );
      })}
      {node.type === 'decision' && (
        <>
          <ol className="branch-list">
            {outgoing.map((e) => (
              <li key={e.id}>
                <button type="button" className="link-button" onClick={() => store.select([], [e.id])}>
                  {e.data?.when ? 'branch' : 'otherwise'} → {nodes.find((n) => n.id === e.target)?.data.label ?? e.target}
                </button>
              </li>
            ))}
          </ol>
          <label className="next-step">
            <span>Add a branch to</span>
            <select name="next-branch" value="" onChange={(e) => e.target.value && store.connect({ source: node.id, sourceHandle: null, target: e.target.value, targetHandle: null })}>
              <option value="">— choose a step —</option>
              {targets.map((t) => <option key={t.id} value={t.id}>{t.data.label} ({t.id})</option>)}
            </select>
          </label>
        </>
      )}
    </fieldset>
  );
}
