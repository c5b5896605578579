import { PASS_STRATEGIES } from '@baton/engine';
import { NodeLessons } from '../../lessons/NodeLessons.tsx';
import type { FlowNode } from '../toMapDocument.ts';
import { useNodeProblems } from '../problems.ts';
import { useMapStore, useMapStoreApi } from '../useMapStore.ts';
import { ConditionBuilder } from './ConditionBuilder.tsx';
import { EffectsEditor } from './EffectsEditor.tsx';
import { DurationField, ListEditor, NumberField, SelectField, TextField } from './fields.tsx';
import { NextSteps } from './NextSteps.tsx';
import { RecipientsEditor } from './RecipientsEditor.tsx';
import { TeamPicker } from './TeamPicker.tsx';

/** What each way of handing out a pass's cases does, in the words of the inspector. */
const STRATEGY_WORDS: Record<string, string> = {
  queue: 'Cases wait in the team’s queue; members claim them, most urgent first.',
  'round-robin': 'Each new case goes to the next member in turn who is free and has the console open; if nobody is, it waits until someone becomes free.',
  'least-loaded': 'Each new case goes to the free member with the console open who has taken the fewest cases today; if nobody is, it waits until someone becomes free.',
  member: 'Every case goes straight to this person, even while they are away.',
};

const TYPE_WORDS: Record<FlowNode['type'], string> = {
  trigger: 'Trigger — what makes us pass the ball?',
  decision: 'Decision — which way does it go?',
  action: 'Action — an automated step',
  pass: 'Pass — to whom, what before, what is expected?',
  end: 'End — when is it over, who must know, what did we learn?',
};

/** Every field of the selected node (docs/maps.md#nodes). */
export function NodeInspector({ node }: { node: FlowNode }) {
  const store = useMapStoreApi();
  const hub = useMapStore((s) => s.settings.hub);
  const problems = useNodeProblems(node.id);
  const update = (patch: Partial<FlowNode['data']>, key?: string) => store.updateNode(node.id, patch, key);
  // Fields a schema-breaking document may lack are edited from sensible blanks.
  const expected = node.type === 'pass' ? (node.data.expected ?? { action: '', within: 'PT1H', outcomes: [] }) : null;
  const to = node.type === 'pass' ? (node.data.to ?? { team: hub }) : null;

  return (
    <div className="inspector-body" data-inspector-node={node.id}>
      <p className="inspector-kind">{TYPE_WORDS[node.type]}</p>
      <p className="muted small">id: <code>{node.id}</code></p>
      {problems.length > 0 && (
        <ul className="inspector-problems">
          {problems.map((p, i) => <li key={i} className={`problem-${p.severity}`}><code>{p.code}</code> {p.message}</li>)}
        </ul>
      )}
      <TextField label="Label" name="label" value={node.data.label} onChange={(label) => update({ label }, 'label')} />

      {node.type === 'trigger' && (
        <>
          <div className="field">
            <span className="field-label">When</span>
            <ConditionBuilder value={node.data.when ?? { field: 'text', op: 'containsAny', value: [] }} onChange={(when) => update({ when }, 'when')} />
          </div>
          <NumberField label="Priority" name="priority" value={node.data.priority} step={1} min={-1000} max={1000} hint="Higher triggers are tried first; their cases are served first." onChange={(priority) => update({ priority: priority ?? 0 }, 'priority')} />
        </>
      )}

      {node.type === 'decision' && <p className="field-hint">Select each outgoing link to set its condition. Branches are tried in order; the one without a condition is “otherwise”.</p>}

      {node.type === 'action' && <EffectsEditor value={node.data.do ?? []} hub={hub} onChange={(effects, key) => update({ do: effects }, key)} />}

      {node.type === 'pass' && (
        <>
          <TeamPicker label="Pass to team" name="team" value={to!.team} onChange={(team) => update({ to: { ...to!, team } })} />
          <SelectField
            label="Who in the team takes it"
            name="strategy"
            value={to!.strategy ?? ''}
            options={[{ value: '', label: 'the team queue (default)' }, ...PASS_STRATEGIES.map((s) => ({ value: s, label: s }))]}
            onChange={(strategy) => {
              const { strategy: _old, member: _m, ...rest } = to!;
              update({ to: { ...rest, ...(strategy ? { strategy } : {}), ...(strategy === 'member' ? { member: to!.member ?? '' } : {}) } });
            }}
          />
          <p className="field-hint" data-testid="strategy-hint">{STRATEGY_WORDS[to!.strategy ?? 'queue']}</p>
          {to!.strategy === 'member' && (
            <TextField label="Member" name="member" value={to!.member ?? ''} onChange={(member) => update({ to: { ...to!, member } }, 'member')} />
          )}
          <SelectField
            label="Channel"
            name="channel"
            value={node.data.channel ?? ''}
            options={[{ value: '', label: 'online (default)' }, { value: 'online', label: 'online' }, { value: 'offline', label: 'offline (phone, in person)' }]}
            onChange={(channel) => {
              const { channel: _c, ...rest } = node.data;
              store.updateNode(node.id, channel ? { ...rest, channel } : rest);
            }}
          />
          <ListEditor
            label="Before passing (checklist)"
            name="checklist"
            addLabel="Add a check"
            items={node.data.preAction?.checklist ?? []}
            onChange={(checklist, key) => update({ preAction: { checklist } }, key)}
          />
          <TextField label="Expected action" name="expected-action" value={expected!.action} placeholder="reply publicly" onChange={(action) => update({ expected: { ...expected!, action } }, 'expected-action')} />
          <DurationField label="Within" name="within" value={expected!.within} onChange={(within) => update({ expected: { ...expected!, within } }, 'within')} />
          <div className="field checkbox-field"><label>
            <input type="checkbox" name="business-hours" checked={expected!.businessHours === true} data-field="businessHours"
              onChange={(e) => {
                const { businessHours: _, ...rest } = expected!;
                update({ expected: e.target.checked ? { ...rest, businessHours: true } : rest });
              }} />
            {' '}Count in business hours <span className="muted small">(the deadline pauses while the receiving team is closed: nights, days off, holidays — set in Admin → Teams)</span>
          </label></div>
          <ListEditor
            label="Outcomes"
            name="outcomes"
            addLabel="Add an outcome"
            hint="Each outcome gets its own handle; connect it to where the case goes next."
            items={expected!.outcomes}
            onChange={(outcomes, key) => store.setPassOutcomes(node.id, outcomes, key)}
          />
        </>
      )}

      {node.type === 'end' && (
        <>
          <TextField label="Outcome" name="outcome" value={node.data.outcome} onChange={(outcome) => update({ outcome }, 'outcome')} />
          <RecipientsEditor label="Who must know (tell)" value={node.data.notify ?? []} onChange={(notify) => update({ notify })} />
          <div className="field checkbox-field">
            <label>
              <input
                type="checkbox"
                name="lesson-required"
                checked={node.data.lessons?.required ?? false}
                onChange={(e) => update({ lessons: { ...node.data.lessons, required: e.target.checked } })}
              />
              A lesson is required before the case ends
            </label>
          </div>
          {node.data.lessons?.required && (
            <TextField label="Lesson prompt" name="lesson-prompt" value={node.data.lessons.prompt ?? ''} placeholder="What would have avoided this?" onChange={(prompt) => update({ lessons: { required: true, ...(prompt ? { prompt } : {}) } }, 'prompt')} />
          )}
        </>
      )}

      <NextSteps node={node} />
      <TextField label="Notes" name="notes" multiline value={node.data.notes ?? ''} onChange={(notes) => {
        const { notes: _n, ...rest } = node.data;
        store.updateNode(node.id, notes ? { ...rest, notes } : rest, 'notes');
      }} />
      <NodeLessons id={node.id} />
      <button type="button" className="danger" onClick={() => store.deleteElements([node.id])}>Delete step</button>
    </div>
  );
}
