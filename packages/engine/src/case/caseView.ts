import type { AnyMachineSnapshot } from 'xstate';
import type { CompiledMap } from '../compile/compileMap.ts';
import type { CaseContext, CaseStatus, CaseView } from './caseTypes.ts';

/** Where a case stands, read from its snapshot without building the whole view. */
export function caseStatus(compiled: CompiledMap, snapshot: AnyMachineSnapshot): CaseStatus {
  if (snapshot.status === 'done') return 'ended';
  const context = snapshot.context as CaseContext;
  const node = compiled.node(context.node);
  if (node?.type === 'end') return 'closing';
  // Only a pass with a checklist has a preparing state.
  if (node?.type === 'pass' && (node.preAction?.checklist ?? []).length > 0 && snapshot.matches({ [compiled.stateKey(node.id)]: 'preparing' })) return 'preparing';
  return context.holder ? 'held' : 'waiting';
}

/**
 * Reads a case as people see it from a machine snapshot: its node, status, team, holder,
 * deadline, what may be reported now.
 */
export function caseView(compiled: CompiledMap, snapshot: AnyMachineSnapshot): CaseView {
  const context = snapshot.context as CaseContext;
  const node = compiled.node(context.node);
  const nodeType = node?.type ?? 'trigger';
  const status = caseStatus(compiled, snapshot);
  const preparing = status === 'preparing';
  const view: CaseView = {
    node: context.node,
    nodeType,
    status,
    team: context.team,
    holder: context.holder,
    lastHolder: context.lastHolder,
    queuedAt: context.queuedAt,
    dueAt: context.dueAt,
    overdue: context.overdue,
    checklist: preparing && node?.type === 'pass' ? [...(node.preAction?.checklist ?? [])] : [],
    outcomes: node?.type === 'pass' && !preparing ? [...node.expected.outcomes] : [],
    passCount: context.passCount,
    tags: context.tags,
    path: context.path,
    breaches: context.breaches,
    priority: context.priority,
    lessonRequired: false,
  };
  if (node?.type === 'end') {
    view.endOutcome = node.outcome;
    view.lessonRequired = node.lessons?.required === true;
    if (node.lessons?.prompt) view.lessonPrompt = node.lessons.prompt;
  }
  return view;
}
