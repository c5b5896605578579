/**
 * The engine functions the designer uses, in one place: validation on every edit, conditions in
 * words, and the compiled machine for export.
 */
import { compileMap, describeCondition as describe, validateMap as validate } from '@baton/engine';
import type { BatonMap, Condition, Problem as EngineProblem, ValidationResult } from '@baton/engine';

/** One problem the validator found (docs/maps.md#validation). */
export type Problem = EngineProblem;

/** What `validateMap` answers. */
export type Validation = ValidationResult;

/** Validates a map document with the engine; every problem at once. */
export function validateMap(input: unknown): Validation {
  return validate(input);
}

/** A condition in words, e.g. "text mentions outage, down or no signal"; never throws while being edited. */
export function describeCondition(condition: Condition): string {
  try {
    return describe(condition);
  } catch {
    return 'an unfinished condition';
  }
}

/** The compiled XState machine config of a map (throws for a map with errors). */
export function compileMachineConfig(map: BatonMap): unknown {
  return compileMap(map).config;
}
