import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webvtt from 'webvtt-parser';
import entities from 'webvtt-parser/html-entities.json';
import { parse as parseYaml } from 'yaml';
import type { TExportFormat } from '@/lib/schemas/snapshot';
import { readZip } from '@/tests/snapshots/read-zip';
import { snapshotFixture } from '@/tests/snapshots/snapshot-fixture';
import { closeQueues } from '../jobs/enqueue';
import { one, rows, sql } from '../sql';
import { buildExport } from './build-export';
import { createSnapshot } from './create-snapshot';
import { requestExport } from './request-export';

// Every export format of the fixture project (images with boxes, polygons, keypoints and a
// classification; transcribed recordings; a tracked clip), read back with a reader that is not ours
// where npm has one: `yaml` (YOLO's data.yaml), fast-xml-parser (VOC), csv-parse (CSV), webvtt-parser
// (WebVTT); RTTM and MOT, which have none, by their line schema. The content must be the labels; and a
// second build of every format gives the same bytes.

afterAll(closeQueues);

interface Item {
  index: number;
  media: string;
  assetId: string;
  sha256: string;
  split: 'train' | 'val' | 'test';
  kind: string;
  regions: Record<string, unknown>[];
}
let fx: Awaited<ReturnType<typeof snapshotFixture>>;
let items: Item[];
const exported = new Map<TExportFormat, Record<string, string>>();
const base = (item: Item) => item.media.replace(/\.[^.]*$/, '');
const ofKind = (kind: string) => items.filter((i) => i.kind === kind);

beforeAll(async () => {
  fx = await snapshotFixture({ items: 8, accepted: 8, audio: 2, video: 2 });
  const snapshot = await createSnapshot(fx.owner, { projectId: fx.project.id, name: 'Round trip' });
  const manifest = await files('jsonl').then(
    (f) => JSON.parse(f['manifest.json']!) as { items: Omit<Item, 'kind' | 'regions'>[] },
  );
  const stored = await rows<{ index: number; kind: string; regions: Item['regions'] }>(
    sql`SELECT index, asset->>'kind' AS kind, regions FROM "SnapshotItem" WHERE "snapshotId" = ${snapshot.id} ORDER BY index`,
  );
  items = manifest.items.map((m, i) => ({ ...m, kind: stored[i]!.kind, regions: stored[i]!.regions }));
}, 60_000);

/** The format's zip, built once (and a second time from scratch, which must give the same bytes). */
async function files(format: TExportFormat): Promise<Record<string, string>> {
  const cached = exported.get(format);
  if (cached) return cached;
  const requested = await requestExport(fx.owner, { projectId: fx.project.id, version: 1, format, includeMedia: false });
  const first = (await buildExport(requested.id))!.sha256;
  await rows(sql`UPDATE "SnapshotExport" SET status = 'QUEUED', "blobSha256" = NULL WHERE id = ${requested.id}`);
  expect((await buildExport(requested.id))!.sha256).toBe(first);
  const read = await readZip(
    (await one<{ sha: string }>(sql`SELECT "blobSha256" AS sha FROM "SnapshotExport" WHERE id = ${requested.id}`))!.sha,
  );
  exported.set(format, read);
  return read;
}

const regionsOf = (item: Item, type: string, classId?: string) =>
  item.regions.filter((r) => r.type === type && (!classId || r.classId === classId));

describe('round trips through independent readers', () => {
  it('the fixture has every kind the formats need', () => {
    expect(ofKind('IMAGE')).toHaveLength(8);
    expect(ofKind('AUDIO')).toHaveLength(2);
    expect(ofKind('VIDEO')).toHaveLength(2);
  });

  it('JSONL: every line is the item with its regions exactly as stored', async () => {
    const { 'annotations.jsonl': jsonl } = await files('jsonl');
    const lines = jsonl!
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.index, l.media, l.split])).toEqual(items.map((i) => [i.index, i.media, i.split]));
    expect(lines.map((l) => l.regions)).toEqual(items.map((i) => i.regions));
  });

  it('YOLO: data.yaml (read with `yaml`) names the taxonomy’s classes; each image’s label lines are its boxes and polygons', async () => {
    const zip = await files('yolo');
    const data = parseYaml(zip['data.yaml']!) as {
      path: string;
      train: string;
      val: string;
      test: string;
      nc: number;
      names: string[];
    };
    expect(data).toMatchObject({ path: '.', train: 'images/train', val: 'images/val', test: 'images/test' });
    expect(data.nc).toBe(data.names.length);
    expect(data.names).toEqual(expect.arrayContaining(['Car', 'Pedestrian', 'Speech', 'Moving object']));
    for (const item of ofKind('IMAGE')) {
      const lines = zip[`labels/${item.split}/${base(item)}.txt`]!.trimEnd()
        .split('\n')
        .map((l) => l.split(' ').map(Number));
      const shapes = regionsOf(item, 'bbox').length + regionsOf(item, 'polygon').length;
      expect(lines).toHaveLength(shapes);
      expect(lines.every((l) => l.slice(1).every((v) => v >= 0 && v <= 1))).toBe(true);
      const car = lines[0]!;
      expect(data.names[car[0]!]).toBe('Car');
      // A box is `c cx cy w h`, or its four corners in a file with a polygon (segmentation).
      if (shapes === 1) expect(car.slice(1)).toEqual([0.225, 0.35, 0.25, 0.5]);
      else expect(car.slice(1)).toEqual([0.1, 0.1, 0.35, 0.1, 0.35, 0.6, 0.1, 0.6]);
    }
    expect(Object.keys(zip).some((f) => f.startsWith('labels/') && ofKind('AUDIO').some((a) => f.includes(base(a))))).toBe(false);
  });

  it('Pascal VOC: each image’s XML (read with fast-xml-parser) has its size and its axis-aligned car boxes; split lists match', async () => {
    const zip = await files('voc');
    const xml = new XMLParser({ isArray: (name) => name === 'object' });
    for (const item of ofKind('IMAGE')) {
      const doc = xml.parse(zip[`Annotations/${base(item)}.xml`]!) as {
        annotation: {
          filename: string;
          size: { width: number; height: number };
          object?: { name: string; bndbox: Record<string, number> }[];
        };
      };
      expect(doc.annotation).toMatchObject({ filename: item.media, size: { width: 640, height: 480 } });
      const axisAligned = regionsOf(item, 'bbox').filter((r) => !r.rotation);
      expect(doc.annotation.object?.map((o) => o.name)).toEqual(axisAligned.map(() => 'Car'));
      expect(doc.annotation.object![0]!.bndbox).toEqual({ xmin: 65, ymin: 49, xmax: 224, ymax: 288 });
    }
    for (const split of ['train', 'val', 'test'] as const) {
      const bases = ofKind('IMAGE')
        .filter((i) => i.split === split)
        .map(base);
      expect(zip[`ImageSets/Main/${split}.txt`]?.trimEnd().split('\n') ?? []).toEqual(bases);
    }
  });

  it('CSV: labels.csv (read with csv-parse) has a row per image-level class, with the item’s hash and split', async () => {
    const table = parseCsv((await files('csv'))['labels.csv']!, { columns: true }) as Record<string, string>[];
    const expected = items.flatMap((item) =>
      regionsOf(item, 'classification').map((r) => ({
        media: item.media,
        asset_id: item.assetId,
        sha256: item.sha256,
        split: item.split,
        class_id: r.classId,
        class_name: 'Weather',
      })),
    );
    expect(expected).toHaveLength(1);
    expect(table).toEqual(expected);
  });

  it('WebVTT: each recording’s file parses without errors (webvtt-parser), a cue per transcribed segment with its speaker', async () => {
    const zip = await files('webvtt');
    const parser = new webvtt.WebVTTParser(entities as Record<string, string>);
    for (const item of ofKind('AUDIO')) {
      const { cues, errors } = parser.parse(zip[`vtt/${base(item)}.vtt`]!, 'metadata');
      expect(errors).toEqual([]);
      const spoken = regionsOf(item, 'audio_segment').filter((r) => typeof r.text === 'string');
      const read = cues.map((c) => {
        const voice = c.tree.children[0]!;
        const texts = (voice.type === 'object' ? voice.children! : c.tree.children).map((n) => n.value).join('');
        return { start: c.startTime, end: c.endTime, speaker: voice.type === 'object' ? voice.value : null, text: texts };
      });
      expect(read).toEqual(
        spoken.map((r) => ({ start: r.start, end: r.end, speaker: (r.attributes as { speaker: string }).speaker, text: r.text })),
      );
    }
    expect(Object.keys(zip).filter((f) => f.startsWith('vtt/'))).toHaveLength(2);
  });

  it('RTTM: a SPEAKER line of ten fields per segment, onset and duration in seconds, the speaker or the class', async () => {
    const zip = await files('rttm');
    for (const item of ofKind('AUDIO')) {
      const lines = zip[`rttm/${base(item)}.rttm`]!.trimEnd()
        .split('\n')
        .map((l) => l.split(' '));
      expect(lines.every((f) => f.length === 10 && f[0] === 'SPEAKER' && f[1] === base(item) && f[2] === '1')).toBe(true);
      expect(lines.every((f) => /^\d+\.\d{3}$/.test(f[3]!) && /^\d+\.\d{3}$/.test(f[4]!))).toBe(true);
      const turns = regionsOf(item, 'audio_segment')
        .map((r) => [
          Number(r.start),
          Number(r.end) - Number(r.start),
          (r.attributes as { speaker?: string }).speaker?.replace(' ', '_') ?? r.classId,
        ])
        .sort((a, b) => Number(a[0]) - Number(b[0]));
      expect(lines.map((f) => [Number(f[3]), Number(f[4]), f[7]])).toEqual(turns);
    }
  });

  it('MOT: gt.txt has the track on every frame it is seen, interpolated between keyframes, 1-based; seqinfo.ini its size', async () => {
    const zip = await files('mot');
    for (const item of ofKind('VIDEO')) {
      const gt = zip[`mot/${base(item)}/gt/gt.txt`]!.trimEnd()
        .split('\n')
        .map((l) => l.split(',').map(Number));
      expect(gt.every((f) => f.length === 9)).toBe(true);
      // Frames 0–11 (the keyframe at 12 hides it), written 1–12: a car (class 1-based in the taxonomy).
      expect(gt.map((f) => f[0])).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(gt[5]!.slice(1, 6)).toEqual([1, 128, 96, 160, 120]);
      expect(gt.map((f) => f[8])).toEqual([...Array(10).fill(1), 0.5, 0.5]);
      expect(zip[`mot/${base(item)}/seqinfo.ini`]).toBe(
        `[Sequence]\nname=${base(item)}\nseqLength=12\nimWidth=640\nimHeight=480\nimExt=.jpg\n`,
      );
    }
  });

  it('COCO: the images and their shapes; recordings and clips are not images', async () => {
    const zip = await files('coco');
    const all = Object.entries(zip)
      .filter(([f]) => /^coco\/\w+\.json$/.test(f))
      .map(([, text]) => JSON.parse(text) as { images: { file_name: string }[]; annotations: { region_id: string }[] });
    expect(all.flatMap((c) => c.images.map((i) => i.file_name)).sort()).toEqual(
      ofKind('IMAGE')
        .map((i) => i.media)
        .sort(),
    );
    const shapes = ofKind('IMAGE').flatMap((i) => i.regions.filter((r) => r.type !== 'classification').map((r) => r.id));
    expect(all.flatMap((c) => c.annotations.map((a) => a.region_id)).sort()).toEqual(shapes.sort());
  });
});
