import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { useLiveRefresh } from './useLiveRefresh.ts';

/**
 * Who has the console open now, per team (names, backups included), kept current by the runtime's
 * `online` events: passes that hand cases out give them only to these people.
 */
export function useAtTheConsole(): Map<string, string[]> {
  const [byTeam, setByTeam] = useState(() => new Map<string, string[]>());
  const load = useCallback(() => {
    api.teams().then(
      ({ teams }) => setByTeam(new Map(teams.map((t) => [t.id, t.members.filter((m) => m.online).map((m) => m.name || m.email)]))),
      () => undefined, // the queue itself says when the runtime cannot be reached
    );
  }, []);
  useEffect(load, [load]);
  useLiveRefresh(load, (type) => type === 'online');
  return byTeam;
}
