import type { Effect } from '@baton/engine';
import { RecipientsEditor } from './RecipientsEditor.tsx';

type EffectKind = 'tag' | 'notify' | 'reply' | 'log';

const kindOf = (e: Effect): EffectKind => ('tag' in e ? 'tag' : 'notify' in e ? 'notify' : 'reply' in e ? 'reply' : 'log');

function fresh(kind: EffectKind, teamId: string): Effect {
  switch (kind) {
    case 'tag': return { tag: 'tag' };
    case 'notify': return { notify: { team: teamId }, message: '' };
    case 'reply': return { reply: 'Thanks — we are looking into it.' };
    case 'log': return { log: 'logged' };
  }
}

/** An action's effects: tag, notify, reply, log. */
export function EffectsEditor({ value, onChange, hub }: { value: Effect[]; onChange: (next: Effect[], key?: string) => void; hub: string }) {
  const set = (i: number, e: Effect, key?: string) => onChange(value.map((x, j) => (j === i ? e : x)), key);
  return (
    <fieldset className="list-editor" data-list="effects">
      <legend>Effects</legend>
      {value.length === 0 && <p className="field-hint">No effects yet: add a tag, a notification, a reply or a log line.</p>}
      <ol>
        {value.map((effect, i) => {
          const kind = kindOf(effect);
          return (
            <li key={i} className="effect-row">
              <div className="effect-head">
                <select aria-label="Effect" value={kind} onChange={(e) => set(i, fresh(e.target.value as EffectKind, hub))}>
                  <option value="tag">tag the case</option>
                  <option value="notify">notify</option>
                  <option value="reply">reply publicly</option>
                  <option value="log">log</option>
                </select>
                <button type="button" className="icon-button" aria-label="Remove effect" onClick={() => onChange(value.filter((_, j) => j !== i))}>×</button>
              </div>
              {'tag' in effect && <input type="text" aria-label="Tag" value={effect.tag} onChange={(e) => set(i, { tag: e.target.value }, `effect-${i}`)} />}
              {'reply' in effect && <textarea aria-label="Reply template" rows={2} value={effect.reply} onChange={(e) => set(i, { reply: e.target.value }, `effect-${i}`)} />}
              {'log' in effect && <input type="text" aria-label="Log text" value={effect.log} onChange={(e) => set(i, { log: e.target.value }, `effect-${i}`)} />}
              {'notify' in effect && (
                <>
                  <RecipientsEditor label="Whom" value={[effect.notify]} onChange={(rs) => rs[0] && set(i, { notify: rs[0], message: effect.message })} />
                  <textarea aria-label="Message" rows={2} placeholder="Message" value={effect.message} onChange={(e) => set(i, { notify: effect.notify, message: e.target.value }, `effect-${i}`)} />
                </>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...value, fresh('tag', hub)])}>+ Add effect</button>
    </fieldset>
  );
}
