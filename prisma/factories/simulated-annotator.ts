import type { SceneObject } from '../fixtures/street-scene-svg';

// A simulated annotator labels an image's true objects the way people do: boxes a little off, now
// and then an object missed or a class confused, and (for drift) habits that change from one week
// on. Pure and seeded, so a seed always gives the same labels.

export interface AnnotatorHabits {
  /** Standard deviation of each box edge, as a share of the box's size. */
  jitter: number;
  /** Chance of not boxing an object at all. */
  missRate: number;
  /** Chance of picking a wrong answer for an enum attribute or the weather. */
  slipRate: number;
  /** From this week (0-based) on, the `drift` habits apply. */
  driftFromWeek?: number;
  drift?: {
    /** Classes this annotator now labels as another class. */
    relabel?: Partial<Record<SceneObject['classId'], SceneObject['classId']>>;
    /** Classes this annotator now leaves out. */
    skip?: SceneObject['classId'][];
  };
}

export interface SimulatedImage {
  width: number;
  height: number;
  objects: readonly SceneObject[];
  weather: string;
}

const LIGHT_COLORS = ['red', 'yellow', 'green', 'off'];
export const WEATHER = ['clear', 'rain', 'fog', 'snow'];

/** A standard normal draw (Box–Muller) from a uniform generator. */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const clamp = (v: number) => Math.min(1, Math.max(0, v));

function slip(value: string, options: readonly string[], habits: AnnotatorHabits, random: () => number): string {
  if (random() >= habits.slipRate) return value;
  const others = options.filter((o) => o !== value);
  return others[Math.floor(random() * others.length)] ?? value;
}

/** The regions (in the editor's geometry: normalized boxes) this annotator submits for the image in that week. */
export function simulateAnnotation(image: SimulatedImage, habits: AnnotatorHabits, week: number, random: () => number) {
  const drifting = habits.driftFromWeek !== undefined && week >= habits.driftFromWeek;
  const regions: Record<string, unknown>[] = [
    {
      id: 'weather',
      type: 'classification',
      classId: 'weather',
      attributes: { condition: slip(image.weather, WEATHER, habits, random) },
    },
  ];
  image.objects.forEach((object, i) => {
    if (drifting && habits.drift?.skip?.includes(object.classId)) return;
    if (random() < habits.missRate) return;
    const edge = (size: number) => normal(random) * habits.jitter * size;
    const x0 = clamp((object.x + edge(object.w)) / image.width);
    const y0 = clamp((object.y + edge(object.h)) / image.height);
    const x1 = clamp((object.x + object.w + edge(object.w)) / image.width);
    const y1 = clamp((object.y + object.h + edge(object.h)) / image.height);
    if (x1 - x0 < 0.005 || y1 - y0 < 0.005) return;
    const classId = (drifting && habits.drift?.relabel?.[object.classId]) || object.classId;
    const attributes =
      classId === 'traffic_light' ? { color: slip(object.attributes.color ?? 'off', LIGHT_COLORS, habits, random) } : {};
    regions.push({ id: `r${i + 1}`, type: 'bbox', classId, attributes, x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
  });
  return regions;
}
