/** Deepest nesting of arrays and objects a JSON body may have (a map's conditions need far less). */
export const MAX_JSON_DEPTH = 64;

/**
 * How deeply a JSON text nests, counted without parsing it (strings skipped, escapes honoured),
 * stopping early once past `limit`.
 * @example jsonDepth('{"a":[1,{"b":"]"}]}') // 3
 */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--;
  }
  return max;
}
