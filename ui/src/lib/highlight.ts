// The evidence sentence inside its article, as three plain strings (before, sentence, after)
// that the reader pane renders as three text nodes: the article is never parsed as HTML.
//
// Offsets are UTF-16 code units (contract: `Evidence.start/end`), so `String.prototype.slice`
// takes them as they are. A backend bug must not split an emoji or hide the text: offsets are
// clamped, never cut a surrogate pair, and when they do not frame the expected sentence the
// sentence is looked up in the text instead.

export interface TextSplit {
  before: string;
  match: string;
  after: string;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Moves `i` off the middle of a surrogate pair (towards `dir`). */
function snap(text: string, i: number, dir: -1 | 1): number {
  if (i > 0 && i < text.length && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) {
    return dir < 0 ? i - 1 : i + 1;
  }
  return i;
}

/**
 * Splits `text` at `[start, end)`. When `expected` is given and the slice does not hold it
 * (whitespace aside), the first occurrence of `expected` is used; no match at all gives
 * `match: ''` and the whole text in `before`.
 */
export function splitAt(text: string, start: number, end: number, expected?: string): TextSplit {
  let s = Math.max(0, Math.min(text.length, Math.floor(Number.isFinite(start) ? start : 0)));
  let e = Math.max(0, Math.min(text.length, Math.floor(Number.isFinite(end) ? end : 0)));
  if (e < s) [s, e] = [e, s];
  s = snap(text, s, -1);
  e = snap(text, e, 1);
  if (expected !== undefined && expected.trim() && !sameText(text.slice(s, e), expected)) {
    const at = text.indexOf(expected.trim());
    if (at < 0) return { before: text, match: '', after: '' };
    s = at;
    e = at + expected.trim().length;
  }
  return { before: text.slice(0, s), match: text.slice(s, e), after: text.slice(e) };
}

function sameText(a: string, b: string): boolean {
  const norm = (x: string) => x.replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}
