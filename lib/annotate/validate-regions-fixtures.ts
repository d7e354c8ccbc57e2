import { ZTaxonomyDefinitionSchema } from '../schemas/taxonomy';
import type { TRegion } from '../schemas/workflow';
import { regionProblems } from './validate-regions';

// The taxonomy and region makers the validate-regions tests share.

export const { classes } = ZTaxonomyDefinitionSchema.parse({
  classes: [
    {
      id: 'car',
      name: 'Car',
      color: '#e53935',
      geometries: ['bbox', 'polygon'],
      attributes: [
        { id: 'occluded', name: 'Occluded', type: 'boolean' },
        { id: 'make', name: 'Make', type: 'text' },
        { id: 'speed', name: 'Speed', type: 'number', min: 0, max: 300 },
      ],
    },
    {
      id: 'pedestrian',
      name: 'Pedestrian',
      color: '#3949ab',
      geometries: ['bbox', 'keypoints'],
      skeleton: {
        keypoints: [
          { id: 'head', name: 'Head' },
          { id: 'neck', name: 'Neck' },
          { id: 'hip', name: 'Hip' },
        ],
        edges: [
          [0, 1],
          [1, 2],
        ],
      },
    },
    { id: 'hand', name: 'Hand', color: '#00897b', geometries: ['keypoints'] },
    { id: 'lane', name: 'Lane', color: '#f4511e', geometries: ['polyline'] },
    {
      id: 'traffic_light',
      name: 'Traffic light',
      color: '#fdd835',
      geometries: ['bbox'],
      attributes: [{ id: 'color', name: 'Color', type: 'enum', required: true, options: ['red', 'yellow', 'green'] }],
    },
    {
      id: 'weather',
      name: 'Weather',
      color: '#90a4ae',
      geometries: ['classification'],
      attributes: [{ id: 'condition', name: 'Condition', type: 'enum', required: true, options: ['clear', 'rain'] }],
    },
    { id: 'indoor', name: 'Indoor', color: '#90a4ae', geometries: ['classification'] },
    { id: 'speech', name: 'Speech', color: '#8e24aa', geometries: ['audio_segment'] },
    { id: 'moving', name: 'Moving object', color: '#1e88e5', geometries: ['video_track'] },
    { id: 'cut', name: 'Scene change', color: '#43a047', geometries: ['event'] },
  ],
});

export type Extra = Record<string, unknown>;
export const region = (id: string, type: TRegion['type'], classId: string, extra: Extra = {}): TRegion => ({
  id,
  type,
  classId,
  attributes: {},
  ...extra,
});
export const box = (id: string, extra: Extra = {}) => region(id, 'bbox', 'car', { x: 0.1, y: 0.1, w: 0.2, h: 0.2, ...extra });
export const polygon = (points: unknown, id = 'p1') => region(id, 'polygon', 'car', { points });
export const kp = (x: number, y: number, v = 2) => ({ x, y, v });
export const pose = (n: number) => Array.from({ length: n }, (_, i) => kp(0.5, 0.1 + i * 0.1));
export const light = (color: unknown, id = 't1') =>
  region(id, 'bbox', 'traffic_light', { x: 0, y: 0, w: 0.1, h: 0.3, attributes: color === undefined ? {} : { color } });

export const problemsOf = (...regions: TRegion[]) => regionProblems(regions, classes);
/** One region's problems as [field, blocking] pairs. */
export const faults = (r: TRegion) => problemsOf(r).map((p) => [p.field, p.blocking]);
