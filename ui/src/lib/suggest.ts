// Merge suggestions: actors that are probably the same person or body, told apart only by the
// way the sources wrote the name ("Abdullah bin Zayed" beside "Abdullah bin Zayed Al Nahyan",
// "Mevlut Cavusoglu" beside "Mevlüt Çavuşoğlu"). Pure; the merge itself is the store's (undoable).

import type { ActorView } from './types';

export interface MergeSuggestion {
  /** The actor to keep: the one with more events (the longer name on a tie). */
  keep: ActorView;
  /** The one to merge into it. */
  merge: ActorView;
  why: 'same name' | 'name inside';
}

/** Words of a name, case and accents folded, titles' dots and hyphens as spaces. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.\-‐‑'’]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Whether `short` is `long`'s first words (at least two of them: "Abdullah bin Zayed" in
 * "Abdullah bin Zayed Al Nahyan"), or its first and last ("Joe Biden" in "Joe R Biden"). */
function inside(short: readonly string[], long: readonly string[]): boolean {
  if (short.length < 2 || short.length >= long.length) return false;
  const prefix = short.every((w, i) => long[i] === w);
  const ends = short.length === 2 && long[0] === short[0] && long[long.length - 1] === short[1];
  return prefix || ends;
}

/**
 * Pairs of actors of one kind (and one country, when both have one) whose names are the same
 * once folded, or one of which is the start of the other. Most events first; each actor is
 * suggested to be merged once at most.
 */
export function mergeSuggestions(actors: readonly ActorView[], limit = 50): MergeSuggestion[] {
  const words = new Map(actors.map((a) => [a.id, nameWords(a.name)]));
  // Candidates share a first word: index by it, so the pairs are not all pairs.
  const byFirst = new Map<string, ActorView[]>();
  for (const a of actors) {
    const w = words.get(a.id)!;
    if (!w.length) continue;
    const l = byFirst.get(w[0]);
    if (l) l.push(a);
    else byFirst.set(w[0], [a]);
  }
  const out: MergeSuggestion[] = [];
  for (const group of byFirst.values()) {
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i], group[j]];
        if (a.kind !== b.kind || (a.country && b.country && a.country !== b.country)) continue;
        const [wa, wb] = [words.get(a.id)!, words.get(b.id)!];
        const same = wa.join(' ') === wb.join(' ');
        if (!same && !inside(wa, wb) && !inside(wb, wa)) continue;
        const aFirst = a.events > b.events || (a.events === b.events && a.name.length >= b.name.length);
        out.push({ keep: aFirst ? a : b, merge: aFirst ? b : a, why: same ? 'same name' : 'name inside' });
      }
  }
  out.sort((x, y) => y.keep.events + y.merge.events - (x.keep.events + x.merge.events) || x.keep.name.localeCompare(y.keep.name));
  const used = new Set<number>();
  const kept: MergeSuggestion[] = [];
  for (const s of out) {
    if (used.has(s.merge.id) || used.has(s.keep.id)) continue;
    used.add(s.merge.id);
    used.add(s.keep.id);
    kept.push(s);
    if (kept.length >= limit) break;
  }
  return kept;
}

/** An actor as the filter's picker lists it. */
export interface PickActor {
  id: number;
  name: string;
  events: number;
  country: string | null;
}

export const NO_COUNTRY = 'No country';

/** Case and accents folded, for matching what the analyst types. */
const folded = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The actor picker's groups: actors by country (countries in alphabetical order, those without
 * one last), each by name; only those whose name or country holds every word of `query` (case
 * and accents folded), and always `keep` (the one chosen).
 */
export function actorGroups(actors: readonly PickActor[], query: string, keep: number | null = null): { country: string; actors: PickActor[] }[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  const groups = new Map<string, PickActor[]>();
  for (const a of actors) {
    const hay = folded(`${a.name} ${a.country ?? ''}`);
    if (a.id !== keep && !words.every((w) => hay.includes(w))) continue;
    const c = a.country ?? NO_COUNTRY;
    const g = groups.get(c);
    if (g) g.push(a);
    else groups.set(c, [a]);
  }
  return [...groups]
    .sort(([a], [b]) => (a === NO_COUNTRY ? 1 : b === NO_COUNTRY ? -1 : a.localeCompare(b)))
    .map(([country, list]) => ({ country, actors: list.sort((x, y) => x.name.localeCompare(y.name)) }));
}

/**
 * The country picker's choices: those whose name holds every word of `query` (case and accents
 * folded), in the order given, and always `keep` (the one chosen).
 */
export function pickCountries<T extends { value: string }>(countries: readonly T[], query: string, keep: string | null = null): T[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  return countries.filter((c) => c.value === keep || words.every((w) => folded(c.value).includes(w)));
}
