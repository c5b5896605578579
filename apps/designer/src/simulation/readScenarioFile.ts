import { showError } from '../shell/toasts.ts';
import type { ScenarioChoice } from './simulationStore.ts';

/**
 * Reads the scenario file a person picked in a file input (and clears the input, so the same file
 * can be picked again). Bad JSON becomes a toast and `null`; whether the document is a valid
 * scenario is for `validateScenario` to say, next to the Run button.
 */
export async function readScenarioFile(input: HTMLInputElement): Promise<ScenarioChoice | null> {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return null;
  try {
    const document: unknown = JSON.parse(await file.text());
    const name = typeof (document as { name?: unknown })?.name === 'string' ? (document as { name: string }).name : file.name;
    return { key: `file:${file.name}`, label: name, source: 'file', document };
  } catch (e) {
    showError(`Could not read ${file.name} (a scenario is a JSON file)`, e);
    return null;
  }
}
