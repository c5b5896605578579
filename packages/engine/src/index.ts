/**
 * @baton/engine — Baton's pure core. Runs in Node and in the browser: no I/O, no clock, no
 * randomness of its own (time and seeds are passed in).
 */
export { idSchema, isoTimeSchema, durationSchema, parseDuration, recipientSchema, brandSchema } from './schema/common.ts';
export type { Recipient } from './schema/common.ts';
export { NETWORKS, authorSchema, mentionIdSchema, mentionSchema, mentionTemplateSchema } from './schema/mention.ts';
export { CONTACT_KINDS, INTERACTION_KINDS, handleKey, interactionPayloadSchema, personHandleSchema, type ContactKind, type InteractionPayload } from './schema/care.ts';
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
export type { CaseContext, CaseEvent, CaseEffect, CaseInput, TeamHours } from './case/caseTypes.ts';
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
export { seededRandom } from './simulate/random.ts';
export { validateMap } from './validate/validateMap.ts';
export { validateScenario } from './validate/validateScenario.ts';
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
export { durationInWords } from './words/durationInWords.ts';
export type { ReplyTemplateFacts } from './case/fillReplyTemplate.ts';
export {
  MAX_DRILL_SPEED, DRILL_STATES, drillStartSchema, drillViewSchema, runMetricsSchema, drillComparisonSchema, drillPersonSchema,
  drillHeldSchema, drillCaseSchema, drillReportSchema,
} from './schema/drill.ts';
export type { DrillStart, DrillView, RunMetrics, DrillComparison, DrillPerson, DrillReport } from './schema/drill.ts';
export { nodeLessonSchema, mapLessonsSchema } from './schema/lessons.ts';
export type { NodeLesson, MapLessons } from './schema/lessons.ts';
// Formats that cross a boundary (runtime ⇄ web app ⇄ client ⇄ CLI), declared once.
export { PROBLEM_CODES, problemCodeSchema, problemSchema, validationResultSchema } from './contracts/problem.ts';
export type { Problem, ProblemCode, ValidationResult } from './contracts/problem.ts';
export { SIMULATED_CASE_STATUSES, simulatedCaseSchema, percentilesSchema, simulationResultSchema } from './contracts/simulationResult.ts';
export type { SimulationResult, SimulatedCase, Percentiles } from './contracts/simulationResult.ts';
export { CASE_STATUSES, caseStatusSchema, caseViewSchema, isCaseStatus } from './contracts/caseView.ts';
export type { CaseStatus, CaseView } from './contracts/caseView.ts';
export { MAP_VERSION_STATES, mapVersionStateSchema } from './contracts/mapVersionState.ts';
export type { MapVersionState } from './contracts/mapVersionState.ts';
export { HISTORY_KINDS, historyKindSchema, historyEntrySchema, historyField } from './contracts/caseHistory.ts';
export type { HistoryKind, HistoryEntry, HistoryData } from './contracts/caseHistory.ts';
export {
  LIVE_EVENT_TYPES, liveEventTypeSchema, liveEventSchema, viewerSchema, NOTIFICATION_KINDS, notificationPayloadSchema, REPLY_STATUSES,
  MENTION_STATUSES,
} from './contracts/liveEvent.ts';
export type { LiveEvent, LiveEventType, LiveEventData, Viewer, NotificationPayload } from './contracts/liveEvent.ts';
export {
  BAR_METRICS, barSchema, keptScenarioInputSchema, barResultSchema, runSeriesSchema, runFiguresSchema, versionRunSchema,
  scenarioEvidenceSchema, evidenceSchema, routeSummarySchema, replayRequestSchema, replayChangeSchema, replayResultSchema,
} from './schema/rehearsal.ts';
export type {
  BarMetric, Bar, BarResult, RunSeries, Histogram, RunFigures, VersionRun, ScenarioEvidence, Evidence, RouteSummary, ReplayChange, ReplayResult,
} from './schema/rehearsal.ts';
export { evaluateBars, describeBar } from './rehearse/evaluateBars.ts';
export { RunSeriesCollector, histogram, niceStep } from './rehearse/runSeries.ts';
export { rehearseScenario, rehearseOn, runFigures } from './rehearse/rehearseScenario.ts';
export type { VersionToRehearse, ScenarioRehearsal } from './rehearse/rehearseScenario.ts';
export { RoutingReplay, compareRouting, routeOf } from './rehearse/replayRouting.ts';
export type { ReplayOptions } from './rehearse/replayRouting.ts';
