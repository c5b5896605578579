import type { Section } from './route.ts';

const WHAT: Record<Exclude<Section, 'maps'>, { title: string; text: string }> = {
  console: { title: 'Team console', text: 'Your team’s queue, with claims, checklists and deadlines, will appear here. Until then, cases can be worked through the API.' },
  triage: { title: 'Triage inbox', text: 'Mentions no map routed will wait here for the hub to start, tag or dismiss.' },
  reports: { title: 'Reports', text: 'Pick-up and resolution times, breaches and lessons by map, team and week will appear here.' },
  admin: { title: 'Admin', text: 'Teams, people and ingest tokens will be managed here. For now use the API (POST /api/teams, /api/users, /api/tokens).' },
};

/** An honest empty state for a section that is not built yet. */
export function ComingSoon({ section }: { section: Exclude<Section, 'maps'> }) {
  const { title, text } = WHAT[section];
  return (
    <main className="page">
      <h1>{title}</h1>
      <div className="empty-state" data-testid="coming-soon">
        <p><strong>Coming soon.</strong></p>
        <p>{text}</p>
      </div>
    </main>
  );
}
