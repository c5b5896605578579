/**
 * Names for the user ids the runtime reports as authors and deciders. Only an admin may list
 * users; everyone else sees "you" for themselves and the id for others.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { User } from '../api/client.ts';

let cache: Promise<Map<string, string>> | null = null;

/** A function naming a user id for `viewer`. */
export function useUserNames(viewer: User): (id: string | null | undefined) => string {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const isAdmin = viewer.roles.includes('admin');
  useEffect(() => {
    if (!isAdmin) return;
    cache ??= api.users().then(
      ({ users }) => new Map(users.map((u) => [u.id, u.name || u.email])),
      () => {
        cache = null;
        return new Map<string, string>();
      },
    );
    let live = true;
    cache.then((m) => live && setNames(m));
    return () => {
      live = false;
    };
  }, [isAdmin]);
  return (id) => (!id ? 'someone' : id === viewer.id ? 'you' : names.get(id) ?? id);
}
