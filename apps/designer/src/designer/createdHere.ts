/**
 * A map saved for the first time keeps its designer page (and its undo history) while the address
 * changes from `#/maps/new` to `#/maps/<id>`.
 */
let createdHere: string | null = null;

/** The route key under which the app mounts the designer: a map created here keeps its page. */
export function designerKey(mapId: string | null): string {
  return mapId === null || mapId === createdHere ? 'new' : mapId;
}

/** Whether `mapId` is the map this page just created. */
export function isCreatedHere(mapId: string | null): boolean {
  return mapId !== null && mapId === createdHere;
}

/** Remembers the map this page created. */
export function markCreatedHere(mapId: string): void {
  createdHere = mapId;
}

/** Forgets it when the page closes. */
export function forgetCreatedHere(): void {
  createdHere = null;
}
