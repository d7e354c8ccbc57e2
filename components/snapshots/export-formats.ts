import type { TExportFormat } from '@/lib/schemas/snapshot';

/** What each export format is for, as the export panel offers them. */
export const EXPORT_FORMAT_INFO: Record<TExportFormat, { name: string; description: string }> = {
  jsonl: { name: 'Loupe JSONL', description: 'Lossless: every region and attribute as stored, one item a line' },
  coco: { name: 'COCO', description: 'Boxes, polygons and keypoints, one JSON per split (detectron2, mmdetection)' },
  yolo: { name: 'YOLO', description: 'A label file per image and data.yaml (Ultralytics)' },
  voc: { name: 'Pascal VOC', description: 'An XML file per image and split lists' },
  csv: { name: 'CSV (classification)', description: 'One row per image-level class' },
  webvtt: { name: 'WebVTT', description: 'Audio transcripts as subtitles, with speakers' },
  rttm: { name: 'RTTM', description: 'Who spoke when (speaker diarization)' },
  mot: { name: 'MOT', description: 'Video tracks per frame (MOTChallenge)' },
};
