import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration } from './durations';

describe('formatDuration', () => {
  it('reads at the precision of its size', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(12 * 60 + 59)).toBe('12 min');
    expect(formatDuration(3 * 3600 + 20 * 60)).toBe('3 h 20 min');
    expect(formatDuration(2 * 86_400)).toBe('2 d');
    expect(formatDuration(2 * 86_400 + 4 * 3600 + 59)).toBe('2 d 4 h');
  });

  it('shows a dash when there is nothing to measure', () => {
    expect(formatDuration(null)).toBe('—');
  });
});

describe('formatClock', () => {
  it('counts down in minutes and seconds, with hours when needed, never below zero', () => {
    expect(formatClock(845)).toBe('14:05');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(formatClock(-5)).toBe('0:00');
  });
});
