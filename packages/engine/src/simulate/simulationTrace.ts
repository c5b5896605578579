import type { CaseContext } from '../case/caseTypes.ts';
import type { CompiledMap } from '../compile/compileMap.ts';
/**
 * The optional trace of a simulation run: what happened to each case at a node, and when, for
 * views that replay a run (the designer's timeline). It goes to `SimulateOptions.onTrace`, beside
 * the result — never into it — and the run keeps no trace state unless it is asked for.
 */

/**
 * One thing that happened to a case at a node, `atMs` virtual milliseconds from the scenario's
 * start. Events come in the order the run makes them, so `atMs` never decreases.
 *
 * - `enter`: the case entered the node (every node of its path; at a pass it joins the team's queue).
 * - `pickup`: a member took the case at this pass and started working it.
 * - `leave`: the case left this pass (moved on or ended); whoever worked it stopped.
 * - `breach`: the case missed its deadline at this pass (it may stay there, still waiting or worked).
 *
 * At a pass a visit is `enter`, then `pickup` unless it left first, then `leave` unless the run
 * stopped first: waiting from `enter` until `pickup` (or `leave`), worked from `pickup` until `leave`.
 */
export interface SimulationTraceEvent {
  type: 'enter' | 'pickup' | 'leave' | 'breach';
  /** The case id, as in the result's `cases[].case`. */
  case: string;
  node: string;
  atMs: number;
}

/** Follows each case's current pass so a `leave` can name it; made only when a trace is asked for. */
export class SimulationTracer {
  /** The pass each case is at, by case index. */
  private readonly passOf: (string | undefined)[] = [];

  constructor(private readonly emit: (event: SimulationTraceEvent) => void) {}

  /** The case entered `node` (after leaving the pass it was at: see `leave`). */
  enter(index: number, caseId: string, node: string, atMs: number, isPass: boolean): void {
    if (isPass) this.passOf[index] = node;
    this.emit({ type: 'enter', case: caseId, node, atMs });
  }

  pickup(caseId: string, node: string, atMs: number): void {
    this.emit({ type: 'pickup', case: caseId, node, atMs });
  }

  /** The case moved on: it leaves the pass it was at, if any. */
  leave(index: number, caseId: string, atMs: number): void {
    const node = this.passOf[index];
    if (node === undefined) return;
    this.passOf[index] = undefined;
    this.emit({ type: 'leave', case: caseId, node, atMs });
  }

  breach(caseId: string, node: string, atMs: number): void {
    this.emit({ type: 'breach', case: caseId, node, atMs });
  }

  /**
   * Reports what a case's latest step added to its `path` and `breaches` (beyond the first
   * `pathSeen` / `breachesSeen` entries): breaches first, then the moves (leaving a pass, entering nodes).
   */
  stepped(compiled: CompiledMap, index: number, caseId: string, context: CaseContext, pathSeen: number, breachesSeen: number, atMs: number): void {
    for (let i = breachesSeen; i < context.breaches.length; i++) this.breach(caseId, context.breaches[i]!, atMs);
    if (pathSeen >= context.path.length) return;
    this.leave(index, caseId, atMs);
    for (let i = pathSeen; i < context.path.length; i++) {
      const node = context.path[i]!;
      this.enter(index, caseId, node, atMs, compiled.node(node)?.type === 'pass');
    }
  }
}
