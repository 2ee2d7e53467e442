import { describe, expect, it } from 'vitest';
import type { ActorView } from './types';
import { actorGroups, mergeSuggestions, nameWords, pickCountries } from './suggest';

let next = 1;
const actor = (name: string, events = 1, over: Partial<ActorView> = {}): ActorView => ({ id: next++, name, kind: 'person', country: null, aliases: [], events, ...over });

describe('merge suggestions', () => {
  it('folds case, accents and punctuation', () => {
    expect(nameWords('Mevlüt Çavuşoğlu')).toEqual(['mevlut', 'cavusoglu']);
    expect(nameWords('Jean-Yves Le Drian')).toEqual(['jean', 'yves', 'le', 'drian']);
  });

  it('pairs a name with its longer form and keeps the busier actor', () => {
    const short = actor('Abdullah bin Zayed', 9);
    const long = actor('Abdullah bin Zayed Al Nahyan', 4);
    const other = actor('Abdullah Gul', 3);
    const s = mergeSuggestions([short, long, other]);
    expect(s.map((x) => [x.keep.name, x.merge.name, x.why])).toEqual([['Abdullah bin Zayed', 'Abdullah bin Zayed Al Nahyan', 'name inside']]);
  });

  it('pairs spellings that differ only in accents; first and last name in a longer one', () => {
    const s = mergeSuggestions([actor('Mevlut Cavusoglu', 1), actor('Mevlüt Çavuşoğlu', 5), actor('Joe Biden', 8), actor('Joe R. Biden', 1)]);
    expect(s.map((x) => [x.keep.name, x.merge.name, x.why])).toEqual([
      ['Joe Biden', 'Joe R. Biden', 'name inside'],
      ['Mevlüt Çavuşoğlu', 'Mevlut Cavusoglu', 'same name'],
    ]);
  });

  it('leaves apart one-word names, other kinds and other countries', () => {
    expect(mergeSuggestions([actor('Lavrov'), actor('Lavrov Sergey')])).toEqual([]);
    expect(mergeSuggestions([actor('Foreign Ministry', 1, { kind: 'organization' }), actor('Foreign Ministry of Peru', 1)])).toEqual([]);
    expect(mergeSuggestions([actor('Ali Khan', 1, { country: 'Pakistan' }), actor('Ali Khan Jr', 1, { country: 'India' })])).toEqual([]);
  });

  it('suggests each actor once', () => {
    const s = mergeSuggestions([actor('Li Qiang Premier', 1), actor('Li Qiang', 5), actor('Li Qiang Zhou', 1)]);
    expect(s).toHaveLength(1);
    expect(s[0].keep.name).toBe('Li Qiang');
  });
});

describe('the actor picker', () => {
  const list = [
    { id: 1, name: 'Wang Yi', events: 5, country: 'China' },
    { id: 2, name: 'Antony Blinken', events: 9, country: 'United States' },
    { id: 3, name: 'Mevlüt Çavuşoğlu', events: 2, country: 'Turkey' },
    { id: 4, name: 'NATO', events: 3, country: null },
    { id: 5, name: 'Li Qiang', events: 1, country: 'China' },
  ];
  it('groups by country, those without one last', () => {
    expect(actorGroups(list, '').map((g) => [g.country, g.actors.map((a) => a.id)])).toEqual([
      ['China', [5, 1]],
      ['Turkey', [3]],
      ['United States', [2]],
      ['No country', [4]],
    ]);
  });
  it('finds by folded words of the name or the country, keeping the chosen one', () => {
    expect(actorGroups(list, 'cavus').flatMap((g) => g.actors.map((a) => a.id))).toEqual([3]);
    expect(actorGroups(list, 'china wang').flatMap((g) => g.actors.map((a) => a.id))).toEqual([1]);
    expect(actorGroups(list, 'cavus', 2).flatMap((g) => g.actors.map((a) => a.id))).toEqual([3, 2]);
    expect(actorGroups(list, 'nobody')).toEqual([]);
  });
});

describe('pickCountries', () => {
  const list = [
    { value: 'Côte d’Ivoire', count: 2 },
    { value: 'United Arab Emirates', count: 9 },
    { value: 'United States', count: 40 },
    { value: 'Türkiye', count: 3 },
  ];
  it('keeps the countries holding every word typed, case and accents folded, in order', () => {
    expect(pickCountries(list, '').map((c) => c.value)).toEqual(list.map((c) => c.value));
    expect(pickCountries(list, 'united').map((c) => c.value)).toEqual(['United Arab Emirates', 'United States']);
    expect(pickCountries(list, 'UNITED st').map((c) => c.value)).toEqual(['United States']);
    expect(pickCountries(list, 'turk').map((c) => c.value)).toEqual(['Türkiye']);
    expect(pickCountries(list, 'cote').map((c) => c.value)).toEqual(['Côte d’Ivoire']);
  });
  it('always keeps the one chosen', () => {
    expect(pickCountries(list, 'turk', 'United States').map((c) => c.value)).toEqual(['United States', 'Türkiye']);
  });
});
