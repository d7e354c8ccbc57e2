import { describe, expect, it } from 'vitest';
import { rulerFor, ticksBetween } from './ruler';
import { formatTime, parseTime } from './time-format';

describe('times', () => {
  it('formats seconds, minutes and hours', () => {
    expect(formatTime(0)).toBe('0:00.000');
    expect(formatTime(83.4567)).toBe('1:23.457');
    expect(formatTime(3723.5, 1)).toBe('1:02:03.5');
    expect(formatTime(59.9996)).toBe('1:00.000');
    expect(formatTime(10800, 0)).toBe('3:00:00');
  });

  it('reads what a person types, and refuses what is not a time', () => {
    expect(parseTime('83.5')).toBe(83.5);
    expect(parseTime(' 1:23.5 ')).toBe(83.5);
    expect(parseTime('1:01:23')).toBe(3683);
    for (const bad of ['', 'abc', '1:75', '1.5:20', '-3', '1:2:3:4']) expect(parseTime(bad)).toBeNull();
  });
});

describe('ruler', () => {
  it('picks readable steps from a whole three-hour file to sample level', () => {
    expect(rulerFor(1000 / 10800)).toMatchObject({ tick: 120, label: 1800 });
    expect(rulerFor(100)).toMatchObject({ tick: 0.1, label: 1, decimals: 0 });
    expect(rulerFor(20000)).toMatchObject({ tick: 0.001, label: 0.005, decimals: 3 });
  });

  it('lists the ticks in a window, labeling every label step', () => {
    const ticks = ticksBetween({ tick: 0.5, label: 1, decimals: 0 }, 0.2, 2.1);
    expect(ticks).toEqual([
      { t: 0.5, labeled: false },
      { t: 1, labeled: true },
      { t: 1.5, labeled: false },
      { t: 2, labeled: true },
    ]);
  });
});
