import { describe, expect, it } from 'vitest';
import { splitAt } from './highlight';

describe('splitAt (UTF-16 offsets)', () => {
  const cases: Array<[string, string, number, number, string | undefined, [string, string, string]]> = [
    ['ascii', 'One. Two. Three.', 5, 9, 'Two.', ['One. ', 'Two.', ' Three.']],
    ['whole text', 'Only.', 0, 5, undefined, ['', 'Only.', '']],
    // 👋 is two UTF-16 units: offsets count them as JS does.
    ['emoji before', '👋 Hi. Met Xi.', 7, 14, 'Met Xi.', ['👋 Hi. ', 'Met Xi.', '']],
    ['CJK', '习近平会见了布林肯。他们讨论了。', 0, 10, '习近平会见了布林肯。', ['', '习近平会见了布林肯。', '他们讨论了。']],
    ['emoji inside the sentence', 'A. B 🇫🇷 met C. D.', 3, 15, 'B 🇫🇷 met C.', ['A. ', 'B 🇫🇷 met C.', ' D.']],
    ['clamped past the end', 'Short.', 2, 99, undefined, ['Sh', 'ort.', '']],
    ['swapped', 'abcdef', 4, 2, undefined, ['ab', 'cd', 'ef']],
    ['never splits a surrogate pair', 'x😀y', 2, 3, undefined, ['x', '😀', 'y']],
    ['wrong offsets: found by text', 'Alpha. Beta met Gamma. Delta.', 0, 3, 'Beta met Gamma.', ['Alpha. ', 'Beta met Gamma.', ' Delta.']],
    ['not found: nothing highlighted', 'Alpha.', 0, 3, 'Zeta.', ['Alpha.', '', '']],
  ];
  for (const [name, text, s, e, expected, want] of cases) {
    it(name, () => {
      const r = splitAt(text, s, e, expected);
      expect([r.before, r.match, r.after]).toEqual(want);
      expect(r.before + r.match + r.after).toBe(text);
    });
  }

  it('markup stays literal text', () => {
    const text = 'Intro. <script>alert(1)</script><img src=x onerror=alert(2)> End.';
    const r = splitAt(text, 7, 60);
    expect(r.match).toBe('<script>alert(1)</script><img src=x onerror=alert(2)>');
  });
});
