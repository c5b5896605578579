import type { Viewer } from '../api/cases.ts';
import { useViewers } from './presence.ts';

/** At most this many avatars; the rest become "+N". */
const SHOWN = 3;

/** "Ana Agent" → "AA", "ben" → "B", "Ana" → "A". */
export function initials(name: string): string {
  const words = name.replace(/@.*$/, '').split(/[\s._-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words.slice(0, 1);
  return letters.map((w) => [...w][0]!.toUpperCase()).join('') || '?';
}

/** A calm, stable background for a person (the same colour on every screen). */
function hue(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

/** "Ana Agent is looking at this" / "Ana Agent and Ben Agent are looking at this" / "Ana, Ben and 2 others …". */
export function lookingText(names: string[]): string {
  if (names.length === 1) return `${names[0]} is looking at this`;
  if (names.length <= SHOWN) return `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are looking at this`;
  return `${names.slice(0, SHOWN - 1).join(', ')} and ${names.length - (SHOWN - 1)} others are looking at this`; // a caption, not the avatars
}

/**
 * Small round avatars (initials) of the other people who have this case open, live; yourself left
 * out. Each carries the name in its accessible label and title. Nothing is shown when nobody else looks.
 */
export function ViewerAvatars({ caseId, me, caption = false }: { caseId: string; me: string; caption?: boolean }) {
  const others = useViewers(caseId).filter((v) => v.id !== me);
  if (!others.length) return null;
  const shown = others.slice(0, SHOWN);
  const rest = others.slice(shown.length);
  const text = lookingText(others.map((v) => v.name));
  return (
    <span className="viewers" data-testid="viewers" data-viewers={others.map((v) => v.id).join(' ')}>
      <span className="viewer-stack">
        {shown.map((v) => <Avatar key={v.id} v={v} />)}
        {rest.length > 0 && (
          <span className="viewer-avatar viewer-more" role="img" aria-label={`Also looking: ${rest.map((v) => v.name).join(', ')}`} title={`Also looking: ${rest.map((v) => v.name).join(', ')}`}>
            +{rest.length}
          </span>
        )}
      </span>
      {caption && <span className="viewers-caption muted small">{text}</span>}
    </span>
  );
}

function Avatar({ v }: { v: Viewer }) {
  const label = `${v.name} is looking at this`;
  return (
    <span className="viewer-avatar" role="img" aria-label={label} title={label} data-viewer={v.id} style={{ background: `hsl(${hue(v.id)} 45% 42%)` }}>
      {initials(v.name)}
    </span>
  );
}
