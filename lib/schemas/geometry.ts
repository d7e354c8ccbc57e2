import { z } from 'zod';
import { boxBoundsPoints } from '../tracks/polygon-bounds';
import type { TGeometry } from './taxonomy';

// The geometry fields each region type carries, beside its `id`, `type`, `classId` and `attributes`
// (ZRegionSchema keeps them as unknown keys). One definition for the editors that write regions and
// the code that reads them (agreement, export): image coordinates are normalized to 0–1 of the
// image's width and height with the origin top left, audio times are seconds, video times are frames.

const ZUnit = z.number().min(0).max(1);

export const ZBoxGeometrySchema = z.object({
  x: ZUnit,
  y: ZUnit,
  w: ZUnit,
  h: ZUnit,
  /** Degrees clockwise about the box's centre; 0 when absent. */
  rotation: z.number().min(-360).max(360).optional(),
});

export const ZPolygonGeometrySchema = z.object({
  points: z
    .array(z.tuple([ZUnit, ZUnit]))
    .min(3)
    .max(10_000),
});

/** An open path (a lane marking, a cable, an edge): two or more points, not closed. */
export const ZPolylineGeometrySchema = z.object({
  points: z
    .array(z.tuple([ZUnit, ZUnit]))
    .min(2)
    .max(10_000),
});

/** COCO's visibility flags: 0 not labeled, 1 labeled but occluded, 2 visible. */
export const ZKeypointSchema = z.object({ x: ZUnit, y: ZUnit, v: z.union([z.literal(0), z.literal(1), z.literal(2)]) });

/** One point per keypoint of the class's skeleton, in the skeleton's order. */
export const ZKeypointsGeometrySchema = z.object({ points: z.array(ZKeypointSchema).min(1).max(200) });

/** Seconds from the start of the audio; `text` is the segment's transcript. */
export const ZAudioSegmentGeometrySchema = z
  .object({ start: z.number().min(0), end: z.number().min(0), text: z.string().max(20_000).optional() })
  .refine((s) => s.end >= s.start, { message: 'a segment cannot end before it starts', path: ['end'] });

export const TRACK_STATES = ['visible', 'occluded', 'outside'] as const;

/**
 * A keyframe of a video track: the box on that frame, interpolated linearly to the next keyframe.
 * A polygon track's keyframes also carry the polygon (`points`), and the box is then its bounds
 * (lib/tracks/polygon-bounds.ts), so readers that know only boxes (MOT, agreement) still read it.
 */
export const ZTrackKeyframeSchema = ZBoxGeometrySchema.omit({ rotation: true }).extend({
  frame: z.number().int().min(0),
  state: z.enum(TRACK_STATES).default('visible'),
  points: ZPolygonGeometrySchema.shape.points.optional(),
});

export const ZVideoTrackGeometrySchema = z.object({
  keyframes: z
    .array(ZTrackKeyframeSchema)
    .min(1)
    .max(100_000)
    .refine((k) => k.every((frame, i) => i === 0 || frame.frame > k[i - 1]!.frame), 'keyframes are in increasing frame order')
    .refine((k) => k.every((frame) => !frame.points === !k[0]!.points), "a track's keyframes are all boxes or all polygons")
    .refine(
      (k) => k.every((frame) => !frame.points || boxBoundsPoints(frame, frame.points)),
      "a polygon keyframe's box is its polygon's bounds",
    ),
});

/** A video event: first and last frame, inclusive. */
export const ZEventGeometrySchema = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((s) => s.end >= s.start, { message: 'an event cannot end before it starts', path: ['end'] });

export type TBoxGeometry = z.infer<typeof ZBoxGeometrySchema>;
export type TPolygonGeometry = z.infer<typeof ZPolygonGeometrySchema>;
export type TPolylineGeometry = z.infer<typeof ZPolylineGeometrySchema>;
export type TKeypointsGeometry = z.infer<typeof ZKeypointsGeometrySchema>;
export type TAudioSegmentGeometry = z.infer<typeof ZAudioSegmentGeometrySchema>;
export type TTrackKeyframe = z.infer<typeof ZTrackKeyframeSchema>;
export type TVideoTrackGeometry = z.infer<typeof ZVideoTrackGeometrySchema>;
export type TEventGeometry = z.infer<typeof ZEventGeometrySchema>;

export const GEOMETRY_SCHEMAS = {
  bbox: ZBoxGeometrySchema,
  polygon: ZPolygonGeometrySchema,
  polyline: ZPolylineGeometrySchema,
  keypoints: ZKeypointsGeometrySchema,
  classification: z.object({}),
  audio_segment: ZAudioSegmentGeometrySchema,
  video_track: ZVideoTrackGeometrySchema,
  event: ZEventGeometrySchema,
} satisfies Record<TGeometry, z.ZodType>;

export interface GeometryOf {
  bbox: TBoxGeometry;
  polygon: TPolygonGeometry;
  polyline: TPolylineGeometry;
  keypoints: TKeypointsGeometry;
  classification: Record<string, never>;
  audio_segment: TAudioSegmentGeometry;
  video_track: TVideoTrackGeometry;
  event: TEventGeometry;
}

/** The region's geometry when it is well formed for its type, else null (a reader skips and counts it). */
export function geometryOf<T extends TGeometry>(type: T, region: unknown): GeometryOf[T] | null {
  const parsed = GEOMETRY_SCHEMAS[type].safeParse(region);
  return parsed.success ? (parsed.data as GeometryOf[T]) : null;
}
