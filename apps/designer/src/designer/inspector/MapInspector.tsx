import { useState } from 'react';
import type { User, VersionInfo } from '../../api/client.ts';
import { useUserNames } from '../../shell/useUserNames.ts';
import { useMapStore, useMapStoreApi } from '../useMapStore.ts';
import { useDirectory } from './directory.ts';
import { ChipsInput, DurationField, NumberField, SelectField, TextField } from './fields.tsx';
import { RecipientsEditor } from './RecipientsEditor.tsx';

/** A brand is written like an id: letters, digits and `_ . : -`. */
const BRAND = /^[A-Za-z0-9_.:-]{1,128}$/;

const STATE_WORDS: Record<string, string> = {
  draft: 'draft', submitted: 'waiting for approval', approved: 'approved (active)', rejected: 'rejected', retired: 'retired',
};

function when(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The map's own settings (nothing selected) and its version history. */
export function MapInspector({ saved, versions, user }: { saved: boolean; versions: VersionInfo[]; user: User }) {
  const who = useUserNames(user);
  const store = useMapStoreApi();
  const settings = useMapStore((s) => s.settings);
  const directory = useDirectory();
  const [newTeam, setNewTeam] = useState('');
  const [refusedBrands, setRefusedBrands] = useState<string[]>([]);
  const teamIds = new Set(settings.teams.map((t) => t.id));
  const addable = directory.filter((t) => !teamIds.has(t.id));

  return (
    <div className="inspector-body" data-inspector-map>
      <p className="inspector-kind">Map settings — select a step or link to edit it.</p>
      <TextField label="Name" name="map-name" value={settings.name} onChange={(name) => store.updateSettings({ name }, 'name')} />
      <TextField
        label="Map id"
        name="map-id"
        value={settings.id}
        disabled={saved}
        hint={saved ? 'Fixed once saved.' : 'Letters, digits and - _ . : — used in links and the API.'}
        onChange={(id) => store.updateSettings({ id }, 'id')}
      />
      <TextField label="Description" name="map-description" multiline value={settings.description ?? ''} onChange={(description) => store.updateSettings({ description: description || undefined }, 'description')} />
      <SelectField
        label="Hub (triages and passes first)"
        name="hub"
        value={settings.hub}
        options={[...(teamIds.has(settings.hub) ? [] : [{ value: settings.hub, label: `${settings.hub} (not in teams)` }]), ...settings.teams.map((t) => ({ value: t.id, label: t.name }))]}
        onChange={(hub) => hub && store.updateSettings({ hub })}
      />

      <fieldset className="list-editor" data-list="teams">
        <legend>Teams this map names</legend>
        <ol>
          {settings.teams.map((team, i) => (
            <li key={i}>
              <input type="text" aria-label={`Team ${i + 1} id`} value={team.id} className="team-id" onChange={(e) => store.updateSettings({ teams: settings.teams.map((t, j) => (j === i ? { ...t, id: e.target.value } : t)) }, `team-id-${i}`)} />
              <input type="text" aria-label={`Team ${i + 1} name`} value={team.name} onChange={(e) => store.updateSettings({ teams: settings.teams.map((t, j) => (j === i ? { ...t, name: e.target.value } : t)) }, `team-name-${i}`)} />
              <button type="button" className="icon-button" aria-label={`Remove team ${team.name}`} onClick={() => store.updateSettings({ teams: settings.teams.filter((_, j) => j !== i) })}>×</button>
            </li>
          ))}
        </ol>
        <div className="list-add">
          {addable.length > 0 ? (
            <>
              <select aria-label="Team from the directory" value={newTeam} onChange={(e) => setNewTeam(e.target.value)}>
                <option value="">Add a team from the directory…</option>
                {addable.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
              </select>
              <button type="button" disabled={!newTeam} onClick={() => {
                const t = directory.find((x) => x.id === newTeam);
                if (t) store.updateSettings({ teams: [...settings.teams, { id: t.id, name: t.name }] });
                setNewTeam('');
              }}>Add</button>
            </>
          ) : (
            <button type="button" onClick={() => store.updateSettings({ teams: [...settings.teams, { id: `team-${settings.teams.length + 1}`, name: 'New team' }] })}>+ Add team</button>
          )}
        </div>
      </fieldset>

      <fieldset className="list-editor" data-list="brands">
        <legend>Listens to brands</legend>
        <p className="field-hint" id="brands-hint">Only mentions of these brands (leave empty for every mention).</p>
        <ChipsInput
          label="Brands this map listens to"
          values={settings.listensTo?.brands ?? []}
          placeholder="a brand, e.g. shopco, then Enter"
          onChange={(brands) => {
            setRefusedBrands(brands.filter((b) => !BRAND.test(b)));
            const kept = brands.filter((b) => BRAND.test(b));
            store.updateSettings({ listensTo: kept.length ? { brands: kept } : undefined });
          }}
        />
        {refusedBrands.length > 0 && (
          <p className="field-hint field-error" role="alert">Not added: {refusedBrands.join(', ')}. A brand is one word of letters, digits and - _ . :</p>
        )}
      </fieldset>

      <fieldset className="list-editor">
        <legend>Crisis detection</legend>
        <div className="field checkbox-field">
          <label>
            <input type="checkbox" name="crisis-on" checked={!!settings.crisis} onChange={(e) => store.updateSettings({ crisis: e.target.checked ? { window: 'PT10M', threshold: 40 } : undefined })} />
            Flag a crisis when mentions spike
          </label>
        </div>
        {settings.crisis && (
          <>
            <NumberField label="Threshold (matched mentions)" name="crisis-threshold" min={1} value={settings.crisis.threshold} onChange={(threshold) => settings.crisis && store.updateSettings({ crisis: { ...settings.crisis, threshold: threshold ?? 1 } }, 'crisis-threshold')} />
            <DurationField label="Within the last" name="crisis-window" value={settings.crisis.window} onChange={(window) => settings.crisis && store.updateSettings({ crisis: { ...settings.crisis, window } }, 'crisis-window')} />
            <DurationField label="Calm again after" name="crisis-cooldown" value={settings.crisis.cooldown ?? settings.crisis.window} onChange={(cooldown) => settings.crisis && store.updateSettings({ crisis: { ...settings.crisis, cooldown } }, 'crisis-cooldown')} />
            <RecipientsEditor label="Tell when a crisis starts" value={settings.crisis.notify ?? []} onChange={(notify) => settings.crisis && store.updateSettings({ crisis: { ...settings.crisis, notify } })} />
          </>
        )}
      </fieldset>

      <section className="versions" aria-label="Version history" data-testid="version-history">
        <h3>Version history</h3>
        {versions.length === 0 ? (
          <p className="muted small">Not saved yet. Save to create the first draft.</p>
        ) : (
          <ol reversed>
            {[...versions].sort((a, b) => b.version - a.version).map((v) => (
              <li key={v.version} data-version={v.version} data-version-state={v.state}>
                <span className={`state-badge state-${v.state}`}>v{v.version} · {STATE_WORDS[v.state] ?? v.state}</span>
                <span className="muted small" data-version-author> by {who(v.createdBy, v.createdByName)} · {when(v.createdAt)}</span>
                {v.submittedBy && <div className="muted small" data-version-submitter>submitted by {who(v.submittedBy, v.submittedByName)} · {when(v.submittedAt)}</div>}
                {v.decidedBy && <div className="muted small" data-version-decider>{v.state === 'rejected' ? 'rejected' : v.state === 'retired' ? 'retired' : 'approved'} by {who(v.decidedBy, v.decidedByName)} · {when(v.decidedAt)}</div>}
                {v.comment && <div className="version-comment">“{v.comment}”</div>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
