/**
 * Names for the people the runtime reports as editors, authors and deciders. The map routes send
 * each user id with its name (`updatedByName`, `createdByName`, …), so every role sees names; the
 * viewer reads "you", and an id no account answers to is shown as it is.
 */
import { useCallback } from 'react';
import type { User } from '../api/client.ts';

/** Names a person for `viewer` from the id and the name the runtime sent beside it. */
export function personName(viewer: Pick<User, 'id'>, id: string | null | undefined, name?: string | null): string {
  if (!id) return 'someone';
  if (id === viewer.id) return 'you';
  return name?.trim() || id;
}

/** A function naming a user id (with the name the runtime sent) for `viewer`. */
export function useUserNames(viewer: User): (id: string | null | undefined, name?: string | null) => string {
  const viewerId = viewer.id;
  return useCallback((id, name) => personName({ id: viewerId }, id, name), [viewerId]);
}
