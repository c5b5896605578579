import type { Digest } from '@baton/engine';

const list = (items: { key: string; count: number }[]) => (items.length ? items.map((t) => `${t.key} (${t.count})`).join(', ') : 'none');

/** The morning e-mail of a digest: a short subject and a plain-text body with a link to the page. */
export function digestMail(d: Digest, publicUrl: string | null): { subject: string; text: string } {
  const lines = [
    `Baton digest for ${d.date} (UTC)`,
    '',
    `Mentions: ${d.mentions.total}`,
    `  by network: ${list(d.mentions.byNetwork)}`,
    `  by brand: ${list(d.mentions.byBrand)}`,
    `  by map: ${list(d.mentions.byMap)}`,
    `Cases: ${d.cases.opened} opened, ${d.cases.ended} closed, ${d.cases.open} still open at the end of the day`,
    `Missed deadlines: ${d.cases.breached.length}`,
    ...d.cases.breached.slice(0, 10).map((b) => `  ${b.caseId}: ${b.mapName} / ${b.node}${b.team ? ` (${b.team})` : ''} at ${b.at}`),
    `Crises: ${d.crises.length ? d.crises.map((c) => `${c.mapName} from ${c.startedAt} to ${c.endedAt ?? 'still on'}`).join('; ') : 'none'}`,
    `Top tags: ${list(d.topTags)}`,
    `Top words: ${list(d.topKeywords)}`,
    `Lessons: ${d.lessons.length}`,
    ...d.lessons.slice(0, 10).map((l) => `  ${l.author ?? 'Someone'} on ${l.caseId}: ${l.text.split('\n')[0]!.slice(0, 200)}`),
    '',
    ...(publicUrl ? [`Open it: ${publicUrl}/#/digest/${d.date}`, ''] : []),
    '— Baton (you asked for this digest; turn it off on the Digest page)',
  ];
  const breaches = d.cases.breached.length;
  return {
    subject: `[Baton] Digest ${d.date}: ${d.mentions.total} mentions, ${breaches} missed deadline${breaches === 1 ? '' : 's'}${d.crises.length ? `, ${d.crises.length} crisis` : ''}`,
    text: `${lines.join('\n')}\n`,
  };
}
