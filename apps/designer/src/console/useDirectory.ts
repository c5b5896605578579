import { useEffect, useState } from 'react';
import { api, type DirectoryTeam, type MapSummary } from '../api/client.ts';
import { showError } from '../shell/toasts.ts';

/** Names for the ids a case carries: teams, people (holders, note authors) and maps. */
export interface Directory {
  teams: DirectoryTeam[];
  teamName(id: string | null): string;
  personName(id: string | null): string;
  mapName(id: string): string;
}

function directoryOf(teams: DirectoryTeam[], maps: MapSummary[]): Directory {
  const people = new Map(teams.flatMap((t) => t.members.map((m) => [m.id, m.name || m.email] as const)));
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  const mapNames = new Map(maps.map((m) => [m.id, m.name]));
  return {
    teams,
    teamName: (id) => (id ? teamNames.get(id) ?? id : 'No team'),
    personName: (id) => (id ? people.get(id) ?? id : 'Baton'),
    mapName: (id) => mapNames.get(id) ?? id,
  };
}

/** Loads the teams and maps once per mount; until then ids stand in for names. */
export function useDirectory(): Directory {
  const [directory, setDirectory] = useState(() => directoryOf([], []));
  useEffect(() => {
    let live = true;
    Promise.all([api.teams(), api.maps()]).then(
      ([{ teams }, { maps }]) => live && setDirectory(directoryOf(teams, maps)),
      (e) => live && showError('Could not load team and map names', e),
    );
    return () => {
      live = false;
    };
  }, []);
  return directory;
}
