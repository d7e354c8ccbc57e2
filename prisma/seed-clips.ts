import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { editorPasses, type EditorProjectSpec } from './seed-editor-project';

// The video editor's project: clips whose every frame shows its own index in pixels (a row of
// blocks, lib/annotate/video/frame-code.ts, and "frame N" under it), at a constant and at a
// variable frame rate, so anyone can check that the frame number the editor shows is the frame on
// screen; and the test-pattern clip. Objects are tracked with boxes, shadows with polygons (a class
// allowing both `video_track` and `polygon`); events span frames.

const tracked = (id: string, name: string, color: string, hotkey: string, description: string): TTaxonomyClass => ({
  id,
  name,
  color,
  hotkey,
  geometries: ['video_track'],
  attributes: [],
  description,
});

export const CLIPS: EditorProjectSpec = {
  slug: 'clips',
  name: 'Clips demo',
  description: 'Track objects with keyframed boxes and mark events on frame-numbered clips.',
  kind: 'VIDEO',
  batchLabel: 'Clips media',
  taxonomy: [
    {
      ...tracked('vehicle', 'Vehicle', '#1e88e5', '1', 'Cars, vans, buses and trucks.'),
      attributes: [{ id: 'type', name: 'Type', type: 'enum', required: false, options: ['car', 'van', 'bus', 'truck'] }],
    },
    tracked('person', 'Person', '#e53935', '2', 'People on foot.'),
    {
      ...tracked('shadow', 'Shadow', '#43a047', '4', 'Cast shadows, outlined point by point: a polygon track.'),
      geometries: ['video_track', 'polygon'],
    },
    {
      id: 'crossing',
      name: 'Crossing',
      color: '#fb8c00',
      hotkey: '3',
      geometries: ['event'],
      attributes: [],
      description: 'From the first to the last frame someone crosses the road.',
    },
  ],
  passes: editorPasses('Track', ['video_track', 'polygon', 'event']),
};
