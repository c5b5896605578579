/**
 * The engine functions the designer needs, reached through one door. The validator, the
 * condition describer and the compiler land in `@baton/engine` in parallel with this app; until a
 * function is exported, a minimal stand-in keeps the designer usable (schema check only, a plain
 * condition sentence, no machine).
 */
import * as engine from '@baton/engine';
import { mapSchema } from '@baton/engine';
import type { BatonMap, Condition } from '@baton/engine';

/** One problem the validator found (SPEC §3.4). */
export interface Problem {
  code: string;
  severity: 'error' | 'warning';
  node?: string;
  edge?: string;
  message: string;
}

/** What `validateMap` answers. */
export interface Validation {
  valid: boolean;
  problems: Problem[];
}

interface EngineFunctions {
  validateMap?: (input: unknown) => Validation;
  describeCondition?: (condition: Condition) => string;
  compileMap?: (map: BatonMap) => { config: unknown };
}

const landed = engine as unknown as EngineFunctions;

/** Validates a map document with the engine; every problem at once. */
export function validateMap(input: unknown): Validation {
  if (landed.validateMap) return landed.validateMap(input);
  const parsed = mapSchema.safeParse(input);
  if (parsed.success) return { valid: true, problems: [] };
  const problems = parsed.error.issues.map((issue) => ({
    code: 'E_SCHEMA',
    severity: 'error' as const,
    message: `${issue.path.join('.')}: ${issue.message}`,
  }));
  return { valid: false, problems };
}

const OP_WORDS: Record<string, string> = {
  eq: 'is', neq: 'is not', gt: 'is over', gte: 'is at least', lt: 'is under', lte: 'is at most',
  in: 'is one of', containsAny: 'mentions', containsAll: 'mentions all of', matches: 'matches',
  exists: 'is present',
};

function listWords(value: unknown): string {
  if (!Array.isArray(value)) return JSON.stringify(value);
  const words = value.map(String);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function fallbackDescribe(condition: Condition): string {
  if ('all' in condition) return condition.all.map(fallbackDescribe).join(' and ') || 'always';
  if ('any' in condition) return condition.any.map(fallbackDescribe).join(' or ') || 'never';
  if ('not' in condition) return `not (${fallbackDescribe(condition.not)})`;
  const op = OP_WORDS[condition.op] ?? condition.op;
  if (condition.op === 'exists') return `${condition.field} ${op}`;
  return `${condition.field} ${op} ${listWords(condition.value)}`;
}

/** A condition in words, e.g. "text mentions outage, down or no signal". */
export function describeCondition(condition: Condition): string {
  try {
    return landed.describeCondition ? landed.describeCondition(condition) : fallbackDescribe(condition);
  } catch {
    return fallbackDescribe(condition);
  }
}

/** The compiled XState machine config of a map, or `undefined` while the compiler has not landed. */
export function compileMachineConfig(map: BatonMap): unknown {
  return landed.compileMap ? landed.compileMap(map).config : undefined;
}
