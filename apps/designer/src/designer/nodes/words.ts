/**
 * Plain words for what nodes hold: recipients and effects as the canvas and inspector show them.
 */
import type { Effect, Recipient, Team } from '@baton/engine';

/** "Customer Care", "ana@example.org", "webhook", "Slack", "@ana". */
export function recipientWords(recipient: Recipient, teams: readonly Team[]): string {
  if ('team' in recipient) return teams.find((t) => t.id === recipient.team)?.name ?? recipient.team;
  if ('member' in recipient) return recipient.member;
  if ('email' in recipient) return recipient.email;
  if ('slack' in recipient) return 'Slack';
  return 'webhook';
}

/** "tag #outage", "notify PR", "reply “We are on it”", "log to member record". */
export function effectWords(effect: Effect, teams: readonly Team[]): string {
  if ('tag' in effect) return `tag #${effect.tag}`;
  if ('notify' in effect) return `notify ${recipientWords(effect.notify, teams)}`;
  if ('reply' in effect) return `reply “${effect.reply}”`;
  return `log ${effect.log}`;
}

/** A team's display name. */
export function teamName(id: string, teams: readonly Team[]): string {
  return teams.find((t) => t.id === id)?.name ?? id;
}
