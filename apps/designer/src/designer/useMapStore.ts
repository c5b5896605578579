/**
 * React's door to the map store: the page provides one store; components read slices of it.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { MapState, MapStore } from './mapStore.ts';

/** The open map's store. */
export const MapStoreContext = createContext<MapStore | null>(null);

/** The store itself, for its actions. */
export function useMapStoreApi(): MapStore {
  const store = useContext(MapStoreContext);
  if (!store) throw new Error('useMapStoreApi needs a MapStoreContext provider');
  return store;
}

/** A slice of the store's state; `selector` must return stored values, not fresh objects. */
export function useMapStore<T>(selector: (state: MapState) => T): T {
  const store = useMapStoreApi();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
