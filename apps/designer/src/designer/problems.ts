/**
 * The validator's problems, indexed by the node or edge they concern, for the canvas badges.
 * Held in a small store so that an edit re-renders only the nodes whose problems changed — with
 * hundreds of nodes, a context value would re-render every one of them on each keystroke.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Problem } from './engine.ts';

/** Problems of the open map. */
export interface ProblemIndex {
  all: Problem[];
  byNode: Map<string, Problem[]>;
  byEdge: Map<string, Problem[]>;
}

/** Groups problems by node and by edge. */
export function indexProblems(all: Problem[]): ProblemIndex {
  const byNode = new Map<string, Problem[]>();
  const byEdge = new Map<string, Problem[]>();
  for (const p of all) {
    if (p.node) byNode.set(p.node, [...(byNode.get(p.node) ?? []), p]);
    if (p.edge) byEdge.set(p.edge, [...(byEdge.get(p.edge) ?? []), p]);
  }
  return { all, byNode, byEdge };
}

const sameList = (a: Problem[], b: Problem[]) =>
  a.length === b.length && a.every((p, i) => p.code === b[i]!.code && p.message === b[i]!.message && p.severity === b[i]!.severity);

function keepUnchanged(next: Map<string, Problem[]>, previous: Map<string, Problem[]>): void {
  for (const [id, list] of next) {
    const old = previous.get(id);
    if (old && sameList(old, list)) next.set(id, old);
  }
}

/** A store of the current problems; lists that did not change keep their identity. */
export function createProblemStore() {
  let index = indexProblems([]);
  const listeners = new Set<() => void>();
  return {
    get: () => index,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(problems: Problem[]) {
      const next = indexProblems(problems);
      keepUnchanged(next.byNode, index.byNode);
      keepUnchanged(next.byEdge, index.byEdge);
      index = next;
      for (const listener of listeners) listener();
    },
  };
}

export type ProblemStore = ReturnType<typeof createProblemStore>;

export const ProblemsContext = createContext<ProblemStore>(createProblemStore());

const NONE: Problem[] = [];

/** Problems of one node. */
export function useNodeProblems(id: string): Problem[] {
  const store = useContext(ProblemsContext);
  return useSyncExternalStore(store.subscribe, () => store.get().byNode.get(id) ?? NONE);
}

/** Problems of one edge. */
export function useEdgeProblems(id: string): Problem[] {
  const store = useContext(ProblemsContext);
  return useSyncExternalStore(store.subscribe, () => store.get().byEdge.get(id) ?? NONE);
}

/** The worst severity among `problems`, or null. */
export function worstSeverity(problems: Problem[]): 'error' | 'warning' | null {
  if (problems.some((p) => p.severity === 'error')) return 'error';
  return problems.length ? 'warning' : null;
}
