import { describe, expect, it } from 'vitest';
import {
  TIME_EPSILON,
  clampFrameTo,
  clampTimeTo,
  decodeStartFor,
  endTimeOf,
  frameAtTime,
  frameStep,
  parseFrameMap,
  seekTimeForFrame,
  stepFrame,
  timeOfFrame,
  type FrameMap,
} from './frame-time';

/** Times as the worker writes them: 6 decimals. */
const us = (t: number) => Math.round(t * 1e6) / 1e6;

function cfr(num: number, den: number, frames: number, offset = 0): FrameMap {
  const times = Array.from({ length: frames }, (_, n) => us(offset + (n * den) / num));
  return { version: 1, fps: num / den, frameCount: frames, variableFrameRate: false, times, keyframes: [0, 250, 500] };
}

/** A VFR map: steps between 5 ms and 120 ms (a phone's 240 fps bursts to a 8 fps stall), some runs of equal steps. */
function vfr(frames: number): FrameMap {
  let seed = 11;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const times = [0.021333];
  let step = 0.033;
  for (let n = 1; n < frames; n++) {
    if (rand() < 0.3) step = 0.005 + rand() * 0.115;
    times.push(us(times[n - 1]! + step));
  }
  return { version: 1, fps: 30, frameCount: frames, variableFrameRate: true, times, keyframes: [0, 100, 350] };
}

const maps: [string, FrameMap][] = [
  ['25 fps', cfr(25, 1, 1000)],
  ['30 fps', cfr(30, 1, 1000)],
  ['29.97 fps', cfr(30000, 1001, 18000)],
  ['29.97 fps starting late', cfr(30000, 1001, 500, 0.066733)],
  ['variable frame rate', vfr(2000)],
  ['one frame', cfr(25, 1, 1)],
];

describe.each(maps)('%s', (_, map) => {
  // Mismatches are collected and compared once: an expect per frame made 18,000 frames take seconds.
  it('seeks into every frame so that reading the time back gives that frame, even off by float noise', () => {
    const wrong: string[] = [];
    for (let n = 0; n < map.times.length; n++) {
      const t = seekTimeForFrame(map, n);
      for (const read of [t, us(t), t + 0.001, t - 0.001]) if (frameAtTime(map, read) !== n) wrong.push(`${n} at ${read}`);
    }
    expect(wrong).toEqual([]);
  });

  it('reads the frame at its own time and a hair before it, and the previous one just before that', () => {
    const wrong: string[] = [];
    for (let n = 0; n < map.times.length; n++) {
      const t = timeOfFrame(map, n);
      if (frameAtTime(map, t) !== n || frameAtTime(map, t - TIME_EPSILON / 2) !== n) wrong.push(`${n}`);
      if (n > 0 && frameAtTime(map, t - 0.002) !== n - 1) wrong.push(`${n} - 1`);
    }
    expect(wrong).toEqual([]);
  });

  it('clamps frames and times at both ends', () => {
    const last = map.times.length - 1;
    expect(frameAtTime(map, -3)).toBe(0);
    expect(frameAtTime(map, 1e6)).toBe(last);
    expect(frameAtTime(map, Number.NaN)).toBe(0);
    expect(clampFrameTo(map, -1)).toBe(0);
    expect(clampFrameTo(map, last + 10)).toBe(last);
    expect(stepFrame(map, 0, -1)).toBe(0);
    expect(stepFrame(map, last, 10)).toBe(last);
    expect(clampTimeTo(map, 1e9)).toBe(endTimeOf(map));
    expect(seekTimeForFrame(map, last + 5)).toBe(seekTimeForFrame(map, last));
    expect(seekTimeForFrame(map, last)).toBeLessThan(endTimeOf(map));
  });
});

describe('frame map helpers', () => {
  it('knows the typical step of CFR and VFR maps', () => {
    expect(frameStep(cfr(25, 1, 100))).toBeCloseTo(0.04, 6);
    expect(frameStep(cfr(30000, 1001, 100))).toBeCloseTo(1001 / 30000, 5);
    expect(frameStep(cfr(30, 1, 1))).toBeCloseTo(1 / 30, 9);
    const m = vfr(500);
    expect(frameStep(m)).toBeGreaterThan(0.005);
    expect(frameStep(m)).toBeLessThan(0.12);
  });

  it('steps, and finds the keyframe a seek decodes from', () => {
    const m = cfr(25, 1, 1000);
    expect(stepFrame(m, 100, 10)).toBe(110);
    expect(stepFrame(m, 100, -1)).toBe(99);
    expect(decodeStartFor(m, 0)).toBe(0);
    expect(decodeStartFor(m, 249)).toBe(0);
    expect(decodeStartFor(m, 250)).toBe(250);
    expect(decodeStartFor(m, 999)).toBe(500);
    expect(decodeStartFor({ ...m, keyframes: [] }, 40)).toBe(0);
  });

  it('parses a map from JSON and refuses one the editor could not step through', () => {
    const m = { ...cfr(30, 1, 10), keyframes: [0, 5] };
    expect(parseFrameMap(JSON.parse(JSON.stringify(m)))).toEqual(m);
    expect(parseFrameMap({ ...m, frameCount: 99 })?.frameCount).toBe(10);
    expect(parseFrameMap({ ...m, times: [] })).toBeNull();
    expect(parseFrameMap({ ...m, times: [0, 0.1, 0.05] })).toBeNull();
    expect(parseFrameMap({ ...m, version: 2 })).toBeNull();
    expect(parseFrameMap({ ...m, keyframes: [0, 10, 1.5] })?.keyframes).toEqual([0]);
    expect(parseFrameMap(null)).toBeNull();
  });
});
