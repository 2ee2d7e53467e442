import { describe, expect, it } from 'vitest';
import { nextInTrap } from './focus';

describe('nextInTrap', () => {
  const items = ['a', 'b', 'c'];
  it('wraps at both ends', () => {
    expect(nextInTrap(items, 'c', false)).toBe('a');
    expect(nextInTrap(items, 'a', true)).toBe('c');
  });
  it('leaves moves inside to the browser', () => {
    expect(nextInTrap(items, 'a', false)).toBeNull();
    expect(nextInTrap(items, 'c', true)).toBeNull();
  });
  it('brings focus from outside back in', () => {
    expect(nextInTrap(items, 'x', false)).toBe('a');
    expect(nextInTrap(items, 'x', true)).toBe('c');
    expect(nextInTrap([], 'x', false)).toBeNull();
  });
});
