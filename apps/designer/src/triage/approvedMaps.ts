/**
 * The maps a case can be started on from the triage inbox: every map with an approved version,
 * with its triggers in the order routing tries them (highest priority first).
 */
import { describeCondition, type BatonMap, type TriggerNode } from '@baton/engine';
import { api } from '../api/client.ts';

/** One trigger of an approved map, in words. */
export interface StartTrigger { id: string; label: string; priority: number; when: string }

/** An approved map version a person may start a case on. */
export interface StartableMap { id: string; name: string; version: number; hub: string; triggers: StartTrigger[] }

/** A trigger's condition in words; a condition the engine cannot describe is named plainly. */
function sentence(trigger: TriggerNode): string {
  try {
    return describeCondition(trigger.when);
  } catch {
    return 'a condition of its own';
  }
}

/** The triggers of a map document, highest priority first, ties by node id (as routing orders them). */
export function startTriggers(map: BatonMap): StartTrigger[] {
  return map.nodes
    .filter((n): n is TriggerNode => n.type === 'trigger')
    .sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((t) => ({ id: t.id, label: t.label, priority: t.priority, when: sentence(t) }));
}

/** Loads every map with an approved version, and that version's triggers. */
export async function loadStartableMaps(): Promise<StartableMap[]> {
  const { maps } = await api.maps();
  const approved = maps.filter((m) => m.activeVersion !== null);
  const versions = await Promise.all(approved.map((m) => api.version(m.id, 'active')));
  return approved.map((m, i) => {
    const doc = versions[i]!.document;
    return { id: m.id, name: m.name, version: versions[i]!.version, hub: doc.hub, triggers: startTriggers(doc) };
  });
}
