import type { TTaxonomyDefinition } from '@/lib/schemas/taxonomy';

// One taxonomy that exercises every geometry and attribute type: street objects (and lane markings
// drawn as lines) for images,
// sound classes for audio, a track and an event for video, and an image-level classification.

const BODY = ['Head', 'Neck', 'Left shoulder', 'Right shoulder', 'Left hand', 'Right hand', 'Hip', 'Left foot', 'Right foot'];

/** A stick figure: head–neck, the shoulders off the neck with a hand each, the spine to the hip, a leg to each foot. */
const PEDESTRIAN_SKELETON = {
  keypoints: BODY.map((name) => ({ id: name.toLowerCase().replace(/[^a-z0-9]+/g, '_'), name })),
  edges: [
    [0, 1],
    [1, 2],
    [1, 3],
    [2, 4],
    [3, 5],
    [1, 6],
    [6, 7],
    [6, 8],
  ] as [number, number][],
};

export const DEMO_TAXONOMY: TTaxonomyDefinition = {
  classes: [
    klass(
      'car',
      'Car',
      '#e53935',
      '1',
      ['bbox', 'polygon', 'classification'],
      [
        { id: 'occluded', name: 'Occluded', type: 'boolean', required: false },
        { id: 'make', name: 'Make', type: 'text', required: false },
      ],
    ),
    {
      ...klass(
        'pedestrian',
        'Pedestrian',
        '#3949ab',
        '2',
        ['bbox', 'polygon', 'keypoints', 'classification'],
        [{ id: 'pose', name: 'Pose', type: 'enum', required: false, options: ['standing', 'walking', 'sitting'] }],
      ),
      skeleton: PEDESTRIAN_SKELETON,
    },
    klass('cyclist', 'Cyclist', '#00897b', '3', ['bbox', 'polygon', 'classification'], []),
    klass(
      'traffic_light',
      'Traffic light',
      '#fdd835',
      '4',
      ['bbox'],
      [{ id: 'color', name: 'Color', type: 'enum', required: true, options: ['red', 'yellow', 'green', 'off'] }],
    ),
    klass(
      'lane_marking',
      'Lane marking',
      '#f4511e',
      '5',
      ['polyline'],
      [{ id: 'style', name: 'Style', type: 'enum', required: false, options: ['dashed', 'solid', 'double'] }],
    ),
    klass(
      'weather',
      'Weather',
      '#90a4ae',
      'w',
      ['classification'],
      [{ id: 'condition', name: 'Condition', type: 'enum', required: true, options: ['clear', 'rain', 'fog', 'snow'] }],
    ),
    klass(
      'speech',
      'Speech',
      '#8e24aa',
      's',
      ['audio_segment'],
      [{ id: 'speaker', name: 'Speaker', type: 'text', required: false }],
    ),
    klass('music', 'Music', '#fb8c00', 'm', ['audio_segment'], []),
    klass(
      'noise',
      'Noise',
      '#6d4c41',
      'n',
      ['audio_segment'],
      [{ id: 'loudness', name: 'Loudness (dB)', type: 'number', required: false, min: -90, max: 0 }],
    ),
    klass(
      'moving_object',
      'Moving object',
      '#1e88e5',
      'v',
      ['video_track', 'bbox'],
      [{ id: 'type', name: 'Type', type: 'enum', required: true, options: ['car', 'bus', 'bicycle', 'person'] }],
    ),
    klass('scene_change', 'Scene change', '#43a047', 'e', ['event'], []),
  ],
};

function klass(
  id: string,
  name: string,
  color: string,
  hotkey: string,
  geometries: TTaxonomyDefinition['classes'][number]['geometries'],
  attributes: TTaxonomyDefinition['classes'][number]['attributes'],
): TTaxonomyDefinition['classes'][number] {
  return { id, name, color, hotkey, geometries, attributes, description: '' };
}
