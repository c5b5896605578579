/** Words too common to say anything about a day (English; mentions in other languages keep theirs). */
const STOP_WORDS = new Set((
  'the and for are but not you your yours all any can had has have her his him how its just like more most now once only our ours own same she should some such than that thats the their them then there these they this those too very was were what when where which while who whom why will with would yet about above after again against because been before being below between both did does doing during each few from further here into itself let myself nor other over through under until upon also get got one two still really even much many well back again today yesterday tomorrow day days week time thing things dont didnt doesnt cant wont isnt arent wasnt ive im youre theyre weve hes shes its lol please thanks thank hey via amp'
).split(' '));

/**
 * The words the day's mentions used most, each counted once per mention (so one long rant does not
 * outweigh twenty short posts): lower case, three letters or more, no links, handles, numbers or
 * common words. Hashtags count with their `#`.
 */
export function topKeywords(texts: Iterable<string>, limit = 10): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const words = new Set<string>();
    const clean = text.replace(/\bhttps?:\/\/\S+/giu, ' ').replace(/(^|\s)@\S+/gu, ' ').toLowerCase().replace(/[’']/gu, '');
    for (const m of clean.matchAll(/#?[\p{L}][\p{L}\p{N}_-]*/gu)) {
      const word = m[0].replace(/[-_]+$/u, '');
      if (word.replace(/^#/, '').length < 3 || STOP_WORDS.has(word)) continue;
      words.add(word);
    }
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)).slice(0, limit);
}
