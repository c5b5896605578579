/**
 * Simulate mode's state for the open map draft: the chosen scenario, the run under way, and the
 * last result — kept while the designer is open, marked stale once the map changes. Held in a small
 * store so that node badges re-render only when their own numbers change.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Scenario } from '@baton/engine';
import type { SimulationOutput } from './workerMessages.ts';

/** A scenario picked in the panel, before it is checked. */
export interface ScenarioChoice {
  /** "example:<folder>/<file>", "file:<name>" or "spike". */
  key: string;
  label: string;
  source: 'example' | 'file' | 'spike';
  document: unknown;
}

/** A finished run and what it ran. */
export interface SimulationRecord extends SimulationOutput {
  scenario: Scenario;
  scenarioLabel: string;
  /** The map revision it ran against; any other revision makes it stale. */
  revision: number;
}

/** Everything Simulate mode shows. */
export interface SimulationState {
  /** True while the editor is in Simulate mode (badges show only then). */
  active: boolean;
  /** The map store's current revision. */
  revision: number;
  choice: ScenarioChoice | null;
  /** Non-null while a run is under way. */
  progress: { done: number; total: number } | null;
  record: SimulationRecord | null;
  /** The scrubbed moment of the timeline, seconds from the start; null = the end of the run. */
  timeSec: number | null;
}

/** Creates the store of one open map. */
export function createSimulationStore() {
  let state: SimulationState = { active: false, revision: 0, choice: null, progress: null, record: null, timeSec: null };
  const listeners = new Set<() => void>();
  const set = (next: Partial<SimulationState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  return {
    get: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setActive: (active: boolean) => state.active !== active && set({ active }),
    setRevision: (revision: number) => state.revision !== revision && set({ revision }),
    choose: (choice: ScenarioChoice | null) => set({ choice }),
    begin: () => set({ progress: { done: 0, total: 0 } }),
    progress: (done: number, total: number) => state.progress && set({ progress: { done, total } }),
    finish: (record: SimulationRecord) => set({ progress: null, record, timeSec: null }),
    stop: () => set({ progress: null }),
    scrub: (timeSec: number | null) => set({ timeSec }),
  };
}

export type SimulationStore = ReturnType<typeof createSimulationStore>;

/** Whether a record was computed for another revision of the map. */
export function isStale(s: SimulationState): boolean {
  return s.record !== null && s.record.revision !== s.revision;
}

/** The open map's simulation store; the default one never shows anything. */
export const SimulationContext = createContext<SimulationStore>(createSimulationStore());

/** The store itself, for its actions. */
export function useSimulationStore(): SimulationStore {
  return useContext(SimulationContext);
}

/** A slice of the simulation state; `selector` must return stored values, not fresh objects. */
export function useSimulation<T>(selector: (s: SimulationState) => T): T {
  const store = useContext(SimulationContext);
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}
