/**
 * The console's own hash routes under the shell's `#/console`: the queues, and one case at
 * `#/console/case/<id>`.
 */

/** The case id in `#/console/case/<id>`, or null for the queues (and for anything malformed). */
export function caseIdFromHash(hash: string): string | null {
  const m = /^#\/console\/case\/([^/?#]+)\/?$/.exec(hash);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}

/** The hash that opens one case. */
export function caseHash(id: string): string {
  return `#/console/case/${encodeURIComponent(id)}`;
}
