import { createContext, useContext } from 'react';
import type { DirectoryTeam } from '../../api/client.ts';

/** The runtime's team directory (empty until loaded or when unreachable). */
export const DirectoryContext = createContext<DirectoryTeam[]>([]);

/** The directory's teams. */
export function useDirectory(): DirectoryTeam[] {
  return useContext(DirectoryContext);
}
