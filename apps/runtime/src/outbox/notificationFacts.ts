import type { Mention } from '@baton/engine';
import { eq } from 'drizzle-orm';
import { cases, maps, mentions } from '../db/schema.ts';
import type { Runtime } from '../Runtime.ts';
import type { InteractionPayload, NotificationPayload } from '@baton/engine';

/** What a webhook or Slack message says about the case a notification concerns. */
export interface NotificationFacts {
  mapName: string | null;
  nodeLabel: string | null;
  /** The outcome the case ended with (end notifications), else null. */
  outcome: string | null;
  mention: { id: string; network: string; author: Mention['author']; text: string; url: string | null } | null;
  /** The case in the web app (`BATON_PUBLIC_URL`), null when no public address is set. */
  url: string | null;
}

/** The link to a case in the web app, when Baton knows its public address. */
export function caseLink(publicUrl: string | null, caseId: string): string | null {
  return publicUrl ? `${publicUrl}/#/console/case/${encodeURIComponent(caseId)}` : null;
}

/** Looks up the map, node, outcome and mention a notification is about, as they are now. */
export function notificationFacts(rt: Runtime, p: NotificationPayload | InteractionPayload): NotificationFacts {
  const row = p.caseId ? rt.db.select().from(cases).where(eq(cases.id, p.caseId)).get() : undefined;
  const mapId = p.mapId ?? row?.mapId;
  const mapName = mapId ? (rt.db.select({ name: maps.name }).from(maps).where(eq(maps.id, mapId)).get()?.name ?? null) : null;
  let nodeLabel: string | null = null;
  if (row && p.node) {
    try {
      nodeLabel = rt.maps.get(row.mapId, row.mapVersion).node(p.node)?.label ?? null;
    } catch {
      nodeLabel = null; // a map version that no longer loads: the id alone still identifies the node
    }
  }
  const doc = row ? (rt.db.select({ document: mentions.document }).from(mentions).where(eq(mentions.id, row.mentionId)).get()?.document) : undefined;
  const outcome = p.kind === 'end' ? ((row?.view as { endOutcome?: string } | undefined)?.endOutcome ?? null) : null;
  return {
    mapName, nodeLabel, outcome,
    mention: doc ? { id: doc.id, network: doc.network, author: doc.author, text: doc.text, url: doc.url ?? null } : null,
    url: p.caseId ? caseLink(rt.config.publicUrl, p.caseId) : null,
  };
}

const HEADINGS: Record<string, string> = { end: 'Case closed', effect: 'Case update', crisis: 'Crisis', breach: 'Deadline missed' };

/**
 * A notification as readable text for Slack (mrkdwn): what happened, where on which map, the
 * mention quoted with its author and network, and the link to the case.
 * @example slackText({ kind: 'end', message: 'Resolved' }, facts) // "*Case closed*: Resolved\n…"
 */
export function slackText(p: NotificationPayload, f: NotificationFacts): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = [`*${HEADINGS[p.kind] ?? 'Notification'}*: ${esc(p.message)}`];
  const where = [f.mapName ?? p.mapId, f.nodeLabel ?? p.node].filter(Boolean).map((x) => esc(String(x)));
  if (where.length) lines.push(`Map: ${where.join(' → ')}${f.outcome ? ` · outcome: ${esc(f.outcome)}` : ''}`);
  if (f.mention) {
    const who = f.mention.author.name ? `${f.mention.author.name} (${f.mention.author.handle})` : f.mention.author.handle;
    lines.push(`${esc(who)} on ${f.mention.network}:`);
    lines.push(...esc(f.mention.text).slice(0, 1500).split('\n').map((l) => `> ${l}`));
  }
  if (f.url) lines.push(`<${f.url}|Open case ${esc(p.caseId ?? '')}>`);
  else if (p.caseId) lines.push(`Case: ${esc(p.caseId)}`);
  return lines.join('\n');
}
