// Mock workspace for the headless UI test. Dates are fixed (UTC).

export const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

const rawEvents = [
  { id: 1, kind: 'call', status: 'occurred', start: '2023-06-14', end: null, precision: 'day', label: 'Blinken – Cavusoglu call', participants: ['Antony Blinken', 'Mevlüt Çavuşoğlu'], place: null, country: null, sources: 2 },
  { id: 2, kind: 'visit', status: 'occurred', start: '2023-06-18', end: '2023-06-19', precision: 'day', label: 'Blinken visit to Beijing', participants: ['Antony Blinken', 'Xi Jinping'], place: 'Beijing', country: 'China', sources: 5 },
  { id: 3, kind: 'meeting', status: 'planned', start: '2023-09-01', end: null, precision: 'month', label: 'Biden – Modi meeting', participants: ['Joe Biden', 'Narendra Modi'], place: null, country: null, sources: 1 },
  { id: 4, kind: 'conference', status: 'occurred', start: '2023-07-11', end: '2023-07-12', precision: 'day', label: 'NATO Vilnius summit', participants: ['NATO'], place: 'Vilnius', country: 'Lithuania', sources: 9 },
  { id: 5, kind: 'visit', status: 'cancelled', start: '2023-02-05', end: null, precision: 'day', label: 'Blinken trip to Beijing (called off)', participants: ['Antony Blinken'], place: 'Beijing', country: 'China', sources: 3 },
  { id: 6, kind: 'meeting', status: 'postponed', start: '2023-03-20', end: null, precision: 'week', label: 'Quad foreign ministers', participants: ['Quad'], place: 'New Delhi', country: 'India', sources: 2 },
  { id: 7, kind: 'call', status: 'occurred', start: '2023-04-03', end: null, precision: 'day', label: 'Macron – Zelensky call', participants: ['Emmanuel Macron', 'Volodymyr Zelensky'], place: null, country: null, sources: 1 },
  { id: 8, kind: 'conference', status: 'planned', start: '2023-11-30', end: '2023-12-12', precision: 'day', label: 'COP28 Dubai', participants: ['UNFCCC'], place: 'Dubai', country: 'United Arab Emirates', sources: 4 },
  { id: 9, kind: 'visit', status: 'occurred', start: '2023-01-16', end: '2023-01-18', precision: 'day', label: 'Scholz visit to Paris', participants: ['Olaf Scholz'], place: 'Paris', country: 'France', sources: 2 },
  { id: 10, kind: 'meeting', status: 'occurred', start: '2023-05-19', end: '2023-05-21', precision: 'day', label: 'G7 Hiroshima leaders meeting', participants: ['G7'], place: 'Hiroshima', country: 'Japan', sources: 7 },
  { id: 11, kind: 'call', status: 'occurred', start: '2023-08-01', end: null, precision: 'day', label: XSS, participants: ['Unknown'], place: null, country: null, sources: 1 },
  { id: 12, kind: 'visit', status: 'occurred', start: '2023-10-01', end: null, precision: 'quarter', label: 'Erdogan visit to Berlin', participants: ['Recep Tayyip Erdoğan'], place: 'Berlin', country: 'Germany', sources: 1 },
  { id: 13, kind: 'meeting', status: 'occurred', start: null, end: null, precision: null, label: 'Undated meeting', participants: [], place: null, country: null, sources: 1 },
];

/** Outlets of each event's sources (contract: EventSummary.outlets). */
const OUTLETS = {
  1: ['State Department', 'Reuters'], 2: ['Reuters', 'AP', 'BBC'], 4: ['AP'], 5: ['Reuters'], 8: ['BBC'],
  9: ['Le Monde'], 10: ['AP', 'NHK'], 12: ['Deutsche Welle'],
};

/** Every participant name in order of first appearance gets an actor id (1, 2, ...). */
export const actors = [];
for (const e of rawEvents) {
  for (const name of e.participants) {
    if (!actors.some((a) => a.name === name)) {
      actors.push({ id: actors.length + 1, name, kind: 'person', country: null, aliases: [], events: 0 });
    }
  }
}
export const events = rawEvents.map((e) => ({
  ...e,
  actor_ids: e.participants.map((n) => actors.find((a) => a.name === n).id),
  outlets: OUTLETS[e.id] ?? ['Wire'],
  edited: false,
}));
for (const a of actors) a.events = events.filter((e) => e.actor_ids.includes(a.id)).length;

/** search(query): ids whose label or participants contain every word (case-insensitive). */
export function searchEvents(list, query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return list
    .filter((e) => words.every((w) => `${e.label} ${e.participants.join(' ')} ${e.place ?? ''}`.toLowerCase().includes(w)))
    .map((e) => e.id);
}

export function detail(id) {
  const summary = events.find((e) => e.id === id);
  if (!summary) throw { code: 'not_found', message: `No event ${id}` };
  const participants = summary.participants.map((name, i) => ({
    actor_id: summary.actor_ids?.[i] ?? 100 + i,
    name,
    kind: 'person',
    role: i === 0 ? 'initiator' : 'counterpart',
    country: null,
  }));
  const evidence = [
    {
      article_id: 1000 + id,
      doc: `/data/articles/${id}.html`,
      title: id === 11 ? XSS : `Report on ${summary.label}`,
      published: '2023-06-15',
      sentence:
        id === 1
          ? 'Secretary Blinken spoke by phone with Turkish Foreign Minister Cavusoglu on June 14.'
          : id === 11
            ? `The minister wrote ${XSS} in a statement.`
            : `Sentence about ${summary.label}.`,
    },
  ];
  return { summary, name: null, participants, evidence, confidence: 0.82 };
}

export const workspace = { path: '/home/analyst/Dateline/diplomacy-2023', articles: 48, events: events.length, actors: 37 };

export const importedEvent = {
  id: 14, kind: 'conference', status: 'occurred', start: '2023-08-22', end: '2023-08-24', precision: 'day',
  label: 'BRICS Johannesburg summit', participants: ['BRICS'], place: 'Johannesburg', country: 'South Africa', sources: 1,
  actor_ids: [99], outlets: ['AP'], edited: false,
};
