/**
 * A visual editor for a condition tree (docs/maps.md#conditions): groups that match all or any of their parts,
 * "not" around any part, and field tests with keywords as chips.
 */
import { NETWORKS } from '@baton/engine';
import type { Condition, FieldTest } from '@baton/engine';
import { describeCondition } from '../engine.ts';
import { ChipsInput } from './fields.tsx';

type Kind = 'words' | 'number' | 'boolean' | 'network' | 'string' | 'list';

const FIELDS: { field: string; label: string; kind: Kind; ops: string[] }[] = [
  { field: 'text', label: 'text', kind: 'words', ops: ['containsAny', 'containsAll', 'matches'] },
  { field: 'network', label: 'network', kind: 'network', ops: ['eq', 'neq', 'in'] },
  { field: 'sentiment', label: 'sentiment (−1…1)', kind: 'number', ops: ['lt', 'lte', 'gt', 'gte'] },
  { field: 'author.followers', label: 'author’s followers', kind: 'number', ops: ['gte', 'gt', 'lt', 'lte', 'eq'] },
  { field: 'author.verified', label: 'author is verified', kind: 'boolean', ops: ['eq'] },
  { field: 'author.handle', label: 'author’s handle', kind: 'string', ops: ['eq', 'neq', 'in', 'matches'] },
  { field: 'directedAtBrand', label: 'directed at us', kind: 'boolean', ops: ['eq'] },
  { field: 'isQuestion', label: 'is a question', kind: 'boolean', ops: ['eq'] },
  { field: 'lang', label: 'language', kind: 'string', ops: ['eq', 'neq', 'in', 'exists'] },
  { field: 'tags', label: 'case tags', kind: 'list', ops: ['containsAny', 'containsAll', 'exists'] },
  { field: 'crisis', label: 'map is in crisis', kind: 'boolean', ops: ['eq'] },
  { field: 'passCount', label: 'passes so far', kind: 'number', ops: ['gte', 'gt', 'lt', 'lte', 'eq'] },
];

const OPS: Record<string, string> = {
  containsAny: 'mentions any of', containsAll: 'mentions all of', matches: 'matches the pattern', eq: 'is', neq: 'is not',
  in: 'is one of', gt: 'is more than', gte: 'is at least', lt: 'is less than', lte: 'is at most', exists: 'is present',
};

const LIST_OPS = new Set(['containsAny', 'containsAll', 'in']);

function defaultValue(kind: Kind, op: string): unknown {
  if (op === 'exists') return undefined;
  if (LIST_OPS.has(op)) return [];
  if (kind === 'number') return 0;
  if (kind === 'boolean') return true;
  if (kind === 'network') return 'twitter';
  return '';
}

function test(field: string, op: string, value: unknown): FieldTest {
  return value === undefined ? { field, op } : { field, op, value };
}

/** A fresh test of the text, the most common start. */
export const NEW_TEST: FieldTest = { field: 'text', op: 'containsAny', value: [] };

function FieldTestEditor({ value, onChange }: { value: FieldTest; onChange: (next: Condition) => void }) {
  const spec = FIELDS.find((f) => f.field === value.field);
  const kind = spec?.kind ?? 'string';
  const ops = spec ? (spec.ops.includes(value.op) ? spec.ops : [value.op, ...spec.ops]) : [value.op];
  const setField = (field: string) => {
    const next = FIELDS.find((f) => f.field === field)!;
    const op = next.ops[0]!;
    onChange(test(field, op, defaultValue(next.kind, op)));
  };
  const setOp = (op: string) => {
    const keep = LIST_OPS.has(op) === LIST_OPS.has(value.op) && op !== 'exists' && value.op !== 'exists';
    onChange(test(value.field, op, keep ? value.value : defaultValue(kind, op)));
  };
  const setValue = (v: unknown) => onChange(test(value.field, value.op, v));

  let editor = null;
  if (value.op === 'exists') editor = null;
  else if (LIST_OPS.has(value.op)) {
    const list = Array.isArray(value.value) ? value.value.map(String) : [];
    editor = <ChipsInput label={`${spec?.label ?? value.field} words`} values={list} onChange={setValue} placeholder={kind === 'network' ? 'twitter, facebook…' : 'outage, down…'} />;
  } else if (kind === 'number') {
    editor = <input type="number" aria-label="Number" step={value.field === 'sentiment' ? 0.1 : 1} value={typeof value.value === 'number' ? value.value : ''} onChange={(e) => setValue(e.target.value === '' ? 0 : Number(e.target.value))} />;
  } else if (kind === 'boolean') {
    editor = (
      <select aria-label="Yes or no" value={String(value.value ?? true)} onChange={(e) => setValue(e.target.value === 'true')}>
        <option value="true">yes</option>
        <option value="false">no</option>
      </select>
    );
  } else if (kind === 'network' && value.op !== 'matches') {
    editor = (
      <select aria-label="Network" value={String(value.value ?? '')} onChange={(e) => setValue(e.target.value)}>
        {NETWORKS.map((n) => <option key={n} value={n}>{n}</option>)}
      </select>
    );
  } else {
    editor = <input type="text" aria-label="Value" value={String(value.value ?? '')} placeholder={value.op === 'matches' ? 'regular expression' : ''} onChange={(e) => setValue(e.target.value)} />;
  }

  return (
    <div className="condition-test" data-condition-field={value.field}>
      <select aria-label="Field" value={value.field} onChange={(e) => setField(e.target.value)}>
        {!spec && <option value={value.field}>{value.field}</option>}
        {FIELDS.map((f) => <option key={f.field} value={f.field}>{f.label}</option>)}
      </select>
      <select aria-label="Test" value={value.op} onChange={(e) => setOp(e.target.value)}>
        {ops.map((op) => <option key={op} value={op}>{OPS[op] ?? op}</option>)}
      </select>
      {editor && <div className="condition-value">{editor}</div>}
    </div>
  );
}

function ConditionNode({ value, onChange, onRemove, depth }: { value: Condition; onChange: (next: Condition) => void; onRemove?: () => void; depth: number }) {
  const tools = (
    <div className="condition-tools">
      {'not' in value ? (
        <button type="button" className="link-button" onClick={() => onChange(value.not)}>remove “not”</button>
      ) : (
        <button type="button" className="link-button" onClick={() => onChange({ not: value })} title="Match when this is NOT true">not</button>
      )}
      {onRemove && <button type="button" className="icon-button" aria-label="Remove this condition" onClick={onRemove}>×</button>}
    </div>
  );
  if ('not' in value) {
    return (
      <div className="condition-not">
        <div className="condition-row"><span className="condition-keyword">NOT</span>{tools}</div>
        <ConditionNode value={value.not} onChange={(inner) => onChange({ not: inner })} depth={depth + 1} />
      </div>
    );
  }
  if ('all' in value || 'any' in value) {
    const mode = 'all' in value ? 'all' : 'any';
    const parts = 'all' in value ? value.all : value.any;
    const set = (next: Condition[]) => onChange(mode === 'all' ? { all: next } : { any: next });
    return (
      <div className={`condition-group depth-${Math.min(depth, 3)}`}>
        <div className="condition-row">
          <label className="condition-match">
            Match
            <select aria-label="Match all or any" value={mode} onChange={(e) => onChange(e.target.value === 'all' ? { all: parts } : { any: parts })}>
              <option value="all">all</option>
              <option value="any">any</option>
            </select>
            of:
          </label>
          {tools}
        </div>
        {parts.map((part, i) => (
          <ConditionNode
            key={i}
            value={part}
            depth={depth + 1}
            onChange={(next) => set(parts.map((p, j) => (j === i ? next : p)))}
            onRemove={() => set(parts.filter((_, j) => j !== i))}
          />
        ))}
        <div className="condition-add">
          <button type="button" onClick={() => set([...parts, NEW_TEST])}>+ condition</button>
          <button type="button" onClick={() => set([...parts, { any: [NEW_TEST] }])}>+ group</button>
        </div>
      </div>
    );
  }
  return (
    <div className="condition-leaf">
      <FieldTestEditor value={value} onChange={onChange} />
      {tools}
    </div>
  );
}

/** The builder with the condition's sentence on top. */
export function ConditionBuilder({ value, onChange }: { value: Condition; onChange: (next: Condition) => void }) {
  const isTest = !('all' in value) && !('any' in value) && !('not' in value);
  return (
    <div className="condition-builder" data-testid="condition-builder">
      <p className="condition-sentence">“{describeCondition(value)}”</p>
      <ConditionNode value={value} onChange={onChange} depth={0} />
      {isTest && (
        <div className="condition-add">
          <button type="button" onClick={() => onChange({ all: [value, NEW_TEST] })}>+ and…</button>
          <button type="button" onClick={() => onChange({ any: [value, NEW_TEST] })}>+ or…</button>
        </div>
      )}
    </div>
  );
}
