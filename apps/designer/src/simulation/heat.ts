/**
 * The heat colour of a node badge: calm while nothing is missed, amber as deadlines start to slip,
 * red when many of the cases that entered the node missed their deadline.
 */

/** A badge's heat, from its breach ratio. */
export type HeatLevel = 'idle' | 'calm' | 'amber' | 'red';

/** Breaches per entered case at and above which a node counts as red. */
export const RED_RATIO = 0.25;

/** The heat of a node that `entered` cases entered and that recorded `breaches` missed deadlines. */
export function heatLevel(entered: number, breaches: number): HeatLevel {
  if (entered === 0 && breaches === 0) return 'idle';
  if (breaches === 0) return 'calm';
  return breaches / Math.max(1, entered) >= RED_RATIO ? 'red' : 'amber';
}

const STOPS: [ratio: number, rgb: [number, number, number]][] = [
  [0, [236, 253, 245]], // calm: a pale green
  [0.01, [254, 243, 199]], // first breaches: pale amber
  [RED_RATIO, [254, 202, 202]], // red from here on
];

/** A background colour between calm, amber and red for a breach ratio (0…1); text on it stays dark. */
export function heatColour(ratio: number): string {
  const r = Math.min(1, Math.max(0, Number.isFinite(ratio) ? ratio : 0));
  let i = 0;
  while (i < STOPS.length - 1 && r > STOPS[i + 1]![0]) i++;
  const [fromAt, from] = STOPS[i]!;
  const next = STOPS[Math.min(i + 1, STOPS.length - 1)]!;
  const span = next[0] - fromAt;
  const t = span > 0 ? Math.min(1, (r - fromAt) / span) : 0;
  const mix = from.map((c, k) => Math.round(c + (next[1][k]! - c) * t));
  return `rgb(${mix.join(' ')})`;
}
