/**
 * @baton/engine — Baton's pure core. Runs in Node and in the browser: no I/O, no clock, no
 * randomness of its own (time and seeds are passed in).
 */
export { idSchema, isoTimeSchema, durationSchema, parseDuration, recipientSchema, brandSchema } from './schema/common.ts';
export type { Recipient } from './schema/common.ts';
export { NETWORKS, authorSchema, mentionIdSchema, mentionSchema, mentionTemplateSchema } from './schema/mention.ts';
export type { Mention, MentionTemplate, Network } from './schema/mention.ts';
export { CONDITION_FIELDS, CONDITION_OPS, conditionSchema } from './schema/condition.ts';
export type { Condition, ConditionField, ConditionOp, FieldTest } from './schema/condition.ts';
export {
  MAP_FORMAT, NODE_TYPES, PASS_STRATEGIES, mapSchema, nodeSchema, edgeSchema, teamSchema, crisisSchema, effectSchema,
  triggerNodeSchema, decisionNodeSchema, actionNodeSchema, passNodeSchema, endNodeSchema,
} from './schema/map.ts';
export type {
  BatonMap, MapNode, MapEdge, NodeType, TriggerNode, DecisionNode, ActionNode, PassNode, EndNode, Team,
  CrisisSettings, Effect,
} from './schema/map.ts';
export { SCENARIO_FORMAT, scenarioSchema, staffSchema } from './schema/scenario.ts';
export type { Scenario, StaffSettings } from './schema/scenario.ts';
export type { MentionFacts, CaseFacts, ConditionFacts } from './conditions/facts.ts';
export { compileMap } from './compile/compileMap.ts';
export type { CompiledMap, MachineConfigJson } from './compile/compileMap.ts';
export { startCase, stepCase, runnerFor } from './case/runCase.ts';
export { CaseRunner } from './case/CaseRunner.ts';
export type { CaseSnapshot, CaseStep, CaseRefusal } from './case/runCase.ts';
export { caseView, caseStatus } from './case/caseView.ts';
export type { CaseContext, CaseEvent, CaseEffect, CaseInput, CaseStatus, CaseView, TeamHours } from './case/caseTypes.ts';
export { digestSchema } from './schema/digest.ts';
export type { Digest } from './schema/digest.ts';
export { WEEK_DAYS, businessHoursSchema, openSpanSchema } from './hours/businessHoursSchema.ts';
export type { BusinessHours, WeekDay } from './hours/businessHoursSchema.ts';
export { addBusinessTime, businessTimeBetween, isOpen, nextOpening } from './hours/businessTime.ts';
export { routeMention, mapHearsBrand, triggersOf, triggerMatches } from './route/routeMention.ts';
export type { RoutableMap, RouteMatch, RouteOptions } from './route/routeMention.ts';
export { CrisisTracker } from './crisis/CrisisTracker.ts';
export type { CrisisState } from './crisis/CrisisTracker.ts';
export { simulateMap } from './simulate/simulateMap.ts';
export type { SimulateOptions } from './simulate/simulateMap.ts';
export type { SimulationTraceEvent } from './simulate/simulationTrace.ts';
export { expandScenario } from './simulate/expandScenario.ts';
export type { Arrival } from './simulate/expandScenario.ts';
export { percentiles } from './simulate/simulationResult.ts';
export type { SimulationResult, SimulatedCase, Percentiles } from './simulate/simulationResult.ts';
export { seededRandom } from './simulate/random.ts';
export { validateMap } from './validate/validateMap.ts';
export { validateScenario } from './validate/validateScenario.ts';
export { PROBLEM_CODES } from './validate/problem.ts';
export type { Problem, ProblemCode, ValidationResult } from './validate/problem.ts';
export { evaluateCondition } from './conditions/evaluateCondition.ts';
export { checkCondition } from './conditions/checkCondition.ts';
export type { ConditionProblem } from './conditions/checkCondition.ts';
export { describeCondition } from './conditions/describeCondition.ts';
export { CONDITION_FIELD_SPECS, fieldSpec } from './conditions/conditionFields.ts';
export type { FieldKind, FieldSpec } from './conditions/conditionFields.ts';
export { mentionFacts, isQuestion, textSentiment } from './conditions/mentionFacts.ts';
export { safeRegex } from './conditions/safeRegex.ts';
export type { SafeRegex } from './conditions/safeRegex.ts';
export { validateMap as validate } from './validate/validateMap.ts';
export { diffMaps, mapDiffSchema, listDiffSchema, fieldChangeSchema } from './diff/diffMaps.ts';
export type { MapDiff, ListDiff, FieldChange } from './diff/diffMaps.ts';
export {
  SOURCE_KINDS, SOURCE_STATES, SOURCE_SETTINGS, SOURCE_SECRETS, MIN_FEED_EVERY_MS, rssSettingsSchema, mastodonSettingsSchema,
  blueskySettingsSchema, mastodonSecretsSchema, blueskySecretsSchema, sourceInputSchema, sourceCountsSchema, sourceViewSchema,
  checkSourceInput,
} from './schema/source.ts';
export type { SourceKind, SourceState, SourceInput, SourceView, RssSettings, MastodonSettings, BlueskySettings } from './schema/source.ts';
export { fillReplyTemplate } from './case/fillReplyTemplate.ts';
export type { ReplyTemplateFacts } from './case/fillReplyTemplate.ts';
