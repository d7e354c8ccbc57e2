// webvtt-parser ships no types: what the export round-trip tests read of it.
declare module 'webvtt-parser' {
  export interface VttNode {
    type: 'text' | 'object';
    name?: string;
    value?: string;
    children?: VttNode[];
  }
  export interface VttCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: { children: VttNode[] };
  }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'subtitles' | 'chapters'): { cues: VttCue[]; errors: { message: string }[] };
  }
  const webvtt: { WebVTTParser: typeof WebVTTParser };
  export default webvtt;
}
