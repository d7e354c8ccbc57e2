import { describe, expect, it } from 'vitest';
import { classKeys } from './hotkeys';

describe('classKeys', () => {
  it('keeps taxonomy hotkeys and numbers the classes without one by position', () => {
    const keys = classKeys(
      [
        { id: 'car', hotkey: 'c' },
        { id: 'bus', hotkey: null },
        { id: 'van', hotkey: 'v' },
      ],
      new Set(),
    );
    expect(keys).toEqual(['c', '2', 'v']);
  });

  it('moves a class whose hotkey is an action key to its position digit', () => {
    const keys = classKeys(
      [
        { id: 'car', hotkey: '1' },
        { id: 'speech', hotkey: 's' },
      ],
      new Set(['s', 'f']),
    );
    expect(keys).toEqual(['1', '2']);
  });

  it('never gives a digit that a later class owns as its hotkey', () => {
    const keys = classKeys(
      [
        { id: 'a', hotkey: null },
        { id: 'b', hotkey: '1' },
      ],
      new Set(),
    );
    expect(keys).toEqual([null, '1']);
  });

  it('gives no key past the ninth class without a hotkey', () => {
    const classes = Array.from({ length: 11 }, (_, i) => ({ id: `c${i}`, hotkey: null }));
    const keys = classKeys(classes, new Set());
    expect(keys.slice(8)).toEqual(['9', null, null]);
  });
});
