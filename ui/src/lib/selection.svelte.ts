// The actors selected in the graph view (or from the details panel), shared with the
// timeline's filters (linked views). One module-level rune; other modules read
// `selectedActorIds()` (reactive inside effects and derived values) and write only through
// `selectActors`.

let ids = $state.raw<number[]>([]);
let names = $state.raw<string[]>([]);

/** Actor ids selected in the graph (empty: no actor filter). */
export function selectedActorIds(): readonly number[] {
  return ids;
}

/** Their names when the selecting view knew them (for events without `actor_ids`). */
export function selectedActorNames(): readonly string[] {
  return names;
}

export function selectActors(next: readonly number[], nextNames: readonly string[] = []): void {
  ids = [...new Set(next)];
  names = [...nextNames];
}

export function clearActorSelection(): void {
  ids = [];
  names = [];
}
