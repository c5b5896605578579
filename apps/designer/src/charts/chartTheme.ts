/**
 * The few colours and words every chart shares: one colour per series (a team keeps its colour
 * across charts of one screen), axis labels in the web app's own words for time.
 */
import { secondsInWords } from '../simulation/timeWords.ts';

/** Series colours, distinguishable and AA-readable on white. */
export const SERIES_COLOURS = ['#1d4ed8', '#b45309', '#0f766e', '#6d28d9', '#be185d', '#15803d', '#475569', '#9a3412'];

/** The colour of series `i`. */
export const seriesColour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]!;

/** Breaches are always red. */
export const BREACH_COLOUR = '#b91c1c';

/** An axis tick for seconds: "0", "30 min", "2 h". */
export const tickSeconds = (sec: number) => (sec === 0 ? '0' : secondsInWords(sec));

/** Shared look of axes and grid (quiet lines, small muted text). */
export const AXIS = { stroke: '#94a3b8', tick: { fill: '#475569', fontSize: 11 } } as const;
export const GRID = { stroke: '#e2e8f0', strokeDasharray: '3 3' } as const;
