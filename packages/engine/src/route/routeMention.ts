import type { CompiledMap } from '../compile/compileMap.ts';
import type { MentionFacts } from '../conditions/facts.ts';
import { evaluateCondition } from '../conditions/evaluateCondition.ts';
import { conditionView } from '../conditions/conditionView.ts';
import type { BatonMap, TriggerNode } from '../schema/map.ts';

/** A map that may route mentions, with its crisis flag at this instant. */
export interface RoutableMap {
  mapId: string;
  compiled: CompiledMap;
  crisis: boolean;
}

/** How mentions without a brand meet maps that listen to brands only. */
export interface RouteOptions {
  /**
   * `false` (the runtime): a mention without a brand is not heard by a map with `listensTo`.
   * `true` (the simulator): a scenario mention without a brand is taken to be for the map rehearsed,
   * so a scenario need not repeat the map's brand on every mention; one that names a brand is
   * heard only by maps that listen to it, exactly as in the runtime.
   */
  unbrandedHeardByAll?: boolean;
}

/** The trigger that takes a mention. */
export interface RouteMatch {
  mapId: string;
  trigger: TriggerNode;
}

const NO_TAGS: readonly string[] = [];
const sortedTriggers = new WeakMap<CompiledMap, readonly TriggerNode[]>();

/** The triggers of a map, highest priority first, ties by node id (computed once per map). */
export function triggersOf(compiled: CompiledMap): readonly TriggerNode[] {
  let triggers = sortedTriggers.get(compiled);
  if (!triggers) {
    triggers = compiled.map.nodes
      .filter((n): n is TriggerNode => n.type === 'trigger')
      .sort((a, b) => b.priority - a.priority || compare(a.id, b.id));
    sortedTriggers.set(compiled, triggers);
  }
  return triggers;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether a map hears a mention of `brand` (docs/mentions.md#brands): a map without `listensTo` hears every
 * mention; one with it only mentions of the brands it lists.
 * @example mapHearsBrand({ ...map, listensTo: { brands: ['acme'] } }, 'acme') // true
 */
export function mapHearsBrand(map: Pick<BatonMap, 'listensTo'>, brand: string | undefined, unbrandedHeard = false): boolean {
  const brands = map.listensTo?.brands;
  if (brands === undefined) return true;
  return brand === undefined ? unbrandedHeard : brands.includes(brand);
}

/** Whether a trigger's condition holds for a fresh mention. */
export function triggerMatches(trigger: TriggerNode, facts: MentionFacts, crisis: boolean): boolean {
  // A fresh case has no tags and no passes yet.
  return evaluateCondition(trigger.when, conditionView(facts, NO_TAGS, crisis, 0));
}

/**
 * Routes a mention (docs/semantics.md#routing, docs/mentions.md): every trigger of every given map that hears the mention's
 * brand ({@link mapHearsBrand}), highest priority first, ties by map id then node id; the first
 * whose `when` holds starts the case. `undefined` leaves the mention unrouted, for the hub's
 * triage inbox.
 */
export function routeMention(maps: readonly RoutableMap[], facts: MentionFacts, options: RouteOptions = {}): RouteMatch | undefined {
  const unbrandedHeard = options.unbrandedHeardByAll ?? false;
  if (maps.length === 1) {
    const map = maps[0]!;
    if (!mapHearsBrand(map.compiled.map, facts.brand, unbrandedHeard)) return undefined;
    for (const trigger of triggersOf(map.compiled)) {
      if (triggerMatches(trigger, facts, map.crisis)) return { mapId: map.mapId, trigger };
    }
    return undefined;
  }
  const candidates: { map: RoutableMap; trigger: TriggerNode }[] = [];
  for (const map of maps) {
    if (!mapHearsBrand(map.compiled.map, facts.brand, unbrandedHeard)) continue;
    for (const trigger of triggersOf(map.compiled)) candidates.push({ map, trigger });
  }
  candidates.sort(
    (a, b) =>
      b.trigger.priority - a.trigger.priority || compare(a.map.mapId, b.map.mapId) || compare(a.trigger.id, b.trigger.id),
  );
  for (const { map, trigger } of candidates) {
    if (triggerMatches(trigger, facts, map.crisis)) return { mapId: map.mapId, trigger };
  }
  return undefined;
}
