/** What a reply template may name. */
export interface TemplateFacts {
  authorName: string | null;
  authorHandle: string;
  caseId: string;
}

/**
 * Fills a map's `{ reply }` template: `{author.name}` (the handle when the author gave no name),
 * `{author.handle}` and `{case.id}`. Anything else in braces is left as written, for the holder
 * to see and edit.
 *
 * @example fillTemplate('Hi {author.name}, ref {case.id}', { authorName: 'Ana', authorHandle: '@ana', caseId: 'c1' }) // 'Hi Ana, ref c1'
 */
export function fillTemplate(template: string, facts: TemplateFacts): string {
  const values: Record<string, string> = {
    'author.name': facts.authorName?.trim() || facts.authorHandle,
    'author.handle': facts.authorHandle,
    'case.id': facts.caseId,
  };
  return template.replace(/\{\s*(author\.name|author\.handle|case\.id)\s*\}/g, (_, key: string) => values[key]!);
}
