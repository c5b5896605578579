/**
 * Small form fields for the inspector. Each edits one value of the store; typing in a field is
 * coalesced into one undo step by the caller's key.
 */
import { useEffect, useId, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { durationInWords } from '@baton/engine';
import { parseHumanDuration } from '../duration.ts';

/** A labelled row. */
export function Field({ label, hint, children }: { label: string; hint?: ReactNode; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}

export function TextField(props: { label: string; value: string; onChange: (value: string) => void; hint?: ReactNode; name?: string; placeholder?: string; multiline?: boolean; disabled?: boolean }) {
  const { label, value, onChange, hint, name, placeholder, multiline, disabled } = props;
  return (
    <Field label={label} hint={hint}>
      {(id) =>
        multiline ? (
          <textarea id={id} name={name} value={value} placeholder={placeholder} rows={3} disabled={disabled} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input id={id} name={name} type="text" value={value} placeholder={placeholder} disabled={disabled} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Field>
  );
}

export function NumberField(props: { label: string; value: number | undefined; onChange: (value: number | undefined) => void; hint?: ReactNode; name?: string; step?: number; min?: number; max?: number }) {
  const { label, value, onChange, hint, name, step, min, max } = props;
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <input
          id={id}
          name={name}
          type="number"
          value={value ?? ''}
          step={step}
          min={min}
          max={max}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      )}
    </Field>
  );
}

export function SelectField<T extends string>(props: { label: string; value: T | ''; options: readonly { value: T | ''; label: string }[]; onChange: (value: T | '') => void; hint?: ReactNode; name?: string }) {
  const { label, value, options, onChange, hint, name } = props;
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value as T | '')}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
}

/** A duration typed the way people say it ("1 h 30 min"); stored as ISO 8601. */
export function DurationField({ label, value, onChange, name }: { label: string; value: string; onChange: (iso: string) => void; name?: string }) {
  const [text, setText] = useState(durationInWords(value, { exact: true }));
  const [focused, setFocused] = useState(false);
  const parsed = parseHumanDuration(text);
  useEffect(() => {
    if (!focused) setText(durationInWords(value, { exact: true }));
  }, [value, focused]);
  const commit = () => {
    if (parsed && parsed !== value) onChange(parsed);
  };
  return (
    <Field label={label} hint={parsed ? undefined : <span className="field-error">Write it like “1 h 30 min”, “45 min” or “2 d”.</span>}>
      {(id) => (
        <input
          id={id}
          name={name}
          type="text"
          value={text}
          aria-invalid={!parsed}
          onFocus={() => setFocused(true)}
          onChange={(e) => {
            setText(e.target.value);
            const iso = parseHumanDuration(e.target.value);
            if (iso && iso !== value) onChange(iso);
          }}
          onBlur={() => {
            setFocused(false);
            commit();
          }}
        />
      )}
    </Field>
  );
}

/** Words as removable chips; Enter or comma adds the typed word. */
export function ChipsInput({ label, values, onChange, placeholder }: { label: string; values: string[]; onChange: (values: string[]) => void; placeholder?: string }) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const words = draft.split(',').map((w) => w.trim()).filter(Boolean).filter((w) => !values.includes(w));
    if (words.length) onChange([...values, ...words]);
    setDraft('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && draft === '' && values.length) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className="chips" role="group" aria-label={label}>
      {values.map((v) => (
        <span key={v} className="chip" data-chip={v}>
          {v}
          <button type="button" className="chip-remove" aria-label={`Remove ${v}`} onClick={() => onChange(values.filter((x) => x !== v))}>×</button>
        </span>
      ))}
      <input
        type="text"
        value={draft}
        aria-label={`Add to ${label}`}
        placeholder={values.length ? '' : placeholder ?? 'type a word, press Enter'}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
      />
    </div>
  );
}

/** An editable list of lines (a checklist, outcomes): edit in place, remove, move, add. */
export function ListEditor(props: { label: string; items: string[]; onChange: (items: string[], coalesceKey?: string) => void; addLabel: string; name?: string; hint?: ReactNode }) {
  const { label, items, onChange, addLabel, name, hint } = props;
  const [draft, setDraft] = useState('');
  const add = () => {
    const text = draft.trim();
    if (!text) return;
    onChange([...items, text]);
    setDraft('');
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...items];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    onChange(next);
  };
  return (
    <fieldset className="list-editor" data-list={name}>
      <legend>{label}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      <ol>
        {items.map((item, i) => (
          <li key={i}>
            <input type="text" value={item} aria-label={`${label} ${i + 1}`} onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)), `${name}-${i}`)} />
            <button type="button" className="icon-button" aria-label={`Move ${item} up`} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
            <button type="button" className="icon-button" aria-label={`Remove ${item}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>×</button>
          </li>
        ))}
      </ol>
      <div className="list-add">
        <input
          type="text"
          value={draft}
          aria-label={addLabel}
          placeholder={addLabel}
          name={name ? `${name}-new` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} disabled={!draft.trim()}>Add</button>
      </div>
    </fieldset>
  );
}
