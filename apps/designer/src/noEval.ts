/**
 * Imported first by the page and by the simulation worker, before any schema is built: zod 4
 * compiles fast parsers with `new Function` unless told not to, and merely probing for that is
 * refused — and logged as a violation — by Baton's Content-Security-Policy (no `unsafe-eval`).
 * Parsing without the compiled fast path is plenty fast for the web app.
 */
import { config } from 'zod';

config({ jitless: true });
