// What the updates (feeds, watched folders) changed since the analyst last looked: the
// toolbar's badge, the "new since" filter and the feeds dialog read it from one instance.

import { api } from './api';
import type { EventChange } from './types';

export class Unseen {
  changes = $state.raw<EventChange[]>([]);
  /** Ids of the events new or changed. */
  readonly ids: ReadonlySet<number> = $derived(new Set(this.changes.map((c) => c.event_id)));
  /** Each event's latest change (the list marks its row with it). */
  readonly byEvent: ReadonlyMap<number, EventChange> = $derived(new Map(this.changes.map((c) => [c.event_id, c])));

  async refresh(): Promise<void> {
    try {
      this.changes = await api.changesSinceSeen();
    } catch {
      // A hint only: without it the desk works the same.
    }
  }
}
