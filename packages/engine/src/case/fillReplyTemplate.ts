/** What a reply template may name. */
export interface ReplyTemplateFacts {
  authorName: string | null;
  authorHandle: string;
  caseId: string;
}

/**
 * Fills a reply template (a map's `{ reply }` effect or a team's canned reply): `{author.name}` (the handle when the author gave no name),
 * `{author.handle}` and `{case.id}`. Anything else in braces is left as written, for the holder
 * to see and edit.
 *
 * @example fillReplyTemplate('Hi {author.name}, ref {case.id}', { authorName: 'Ana', authorHandle: '@ana', caseId: 'c1' }) // 'Hi Ana, ref c1'
 */
export function fillReplyTemplate(template: string, facts: ReplyTemplateFacts): string {
  const values: Record<string, string> = {
    'author.name': facts.authorName?.trim() || facts.authorHandle,
    'author.handle': facts.authorHandle,
    'case.id': facts.caseId,
  };
  return template.replace(/\{\s*(author\.name|author\.handle|case\.id)\s*\}/g, (_, key: string) => values[key]!);
}
