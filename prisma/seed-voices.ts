import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { editorPasses, type EditorProjectSpec } from './seed-editor-project';

// The audio editor's project: a two-voice dialogue (fixtures/speech.ts) to transcribe and split by
// speaker, and the two tone files to mark music and noise on.

const segment = (id: string, name: string, color: string, hotkey: string, description: string): TTaxonomyClass => ({
  id,
  name,
  color,
  hotkey,
  geometries: ['audio_segment'],
  attributes: [],
  description,
});

export const VOICES: EditorProjectSpec = {
  slug: 'voices',
  name: 'Voices demo',
  description: 'Transcribe and mark speakers on generated speech; mark music and noise on tones.',
  kind: 'AUDIO',
  batchLabel: 'Voices media',
  taxonomy: [
    {
      ...segment('speech', 'Speech', '#8e24aa', '1', 'Someone speaking: who, and in which language.'),
      transcribed: true,
      attributes: [
        { id: 'speaker', name: 'Speaker', type: 'text', required: true },
        { id: 'language', name: 'Language', type: 'enum', required: false, options: ['en', 'fr', 'other'] },
      ],
    },
    segment('music', 'Music', '#1e88e5', '2', 'Tones, melodies, jingles.'),
    segment('noise', 'Noise', '#757575', '3', 'Hiss, hum and background noise with no speech.'),
    segment('laughter', 'Laughter', '#fb8c00', '4', 'Someone laughing.'),
  ],
  passes: editorPasses('Transcribe', ['audio_segment']),
};

/** The sample lens's project: one five-minute recording (fixtures/audio.ts), the voices classes. */
export const LECTURE: EditorProjectSpec = {
  ...VOICES,
  slug: 'lecture',
  name: 'Long recording demo',
  description: 'Five minutes of tones and noise: zoom past the waveform down to single samples with the sample lens.',
  batchLabel: 'Long recording',
};
