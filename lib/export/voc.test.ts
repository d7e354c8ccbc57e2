import { describe, expect, it } from 'vitest';
import { exportContext, exportItem, region, runWriter, taxonomyClass } from './test-fixtures';
import { createVocWriter } from './voc';

const ctx = exportContext([taxonomyClass('car', 'Car'), taxonomyClass('odd', 'Bus & <Tram> "x"')]);

const street = exportItem(0, {
  regions: [
    region('inside', 'bbox', 'car', { x: 0.1, y: 0.2, w: 0.3, h: 0.4 }),
    region('border', 'bbox', 'odd', { x: 0, y: 0.5, w: 0.5, h: 0.5 }),
    region('rotated', 'bbox', 'car', { x: 0.1, y: 0.1, w: 0.2, h: 0.2, rotation: 30 }),
    region('poly', 'polygon', 'car', {
      points: [
        [0, 0],
        [1, 0],
        [1, 1],
      ],
    }),
    region('bad', 'bbox', 'car', { x: 0.1 }),
    region('unknown', 'bbox', 'tram', { x: 0.1, y: 0.1, w: 0.1, h: 0.1 }),
  ],
});

const objectXml = (name: string, truncated: 0 | 1, [xmin, ymin, xmax, ymax]: number[]) =>
  `  <object>\n    <name>${name}</name>\n    <pose>Unspecified</pose>\n    <truncated>${truncated}</truncated>\n` +
  `    <difficult>0</difficult>\n    <bndbox>\n      <xmin>${xmin}</xmin>\n      <ymin>${ymin}</ymin>\n` +
  `      <xmax>${xmax}</xmax>\n      <ymax>${ymax}</ymax>\n    </bndbox>\n  </object>\n`;

/** An independent reader: the objects of a VOC file, names unescaped. */
function readVoc(xml: string) {
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const tag = (s: string, name: string) => Number(new RegExp(`<${name}>(\\d+)</${name}>`).exec(s)![1]);
  const width = tag(xml, 'width');
  const height = tag(xml, 'height');
  return [...xml.matchAll(/<object>([\s\S]*?)<\/object>/g)].map(([, body]) => {
    const box = ['xmin', 'ymin', 'xmax', 'ymax'].map((n) => tag(body!, n));
    expect(box[0]! >= 1 && box[0]! <= box[2]! && box[2]! <= width).toBe(true);
    expect(box[1]! >= 1 && box[1]! <= box[3]! && box[3]! <= height).toBe(true);
    return { name: unescape(/<name>([^<]*)<\/name>/.exec(body!)![1]!), box };
  });
}

describe('Pascal VOC writer', () => {
  it('writes one object per axis-aligned box in 1-based inclusive pixels, escaping names', () => {
    const [file] = runWriter(createVocWriter, ctx, [street]);
    expect(file!.path).toBe('Annotations/000000-00ababababab.xml');
    expect(file!.content).toBe(
      '<annotation>\n  <folder>Street scenes</folder>\n  <filename>000000-00ababababab.jpg</filename>\n' +
        '  <size>\n    <width>200</width>\n    <height>100</height>\n    <depth>3</depth>\n  </size>\n' +
        '  <segmented>0</segmented>\n' +
        objectXml('Car', 0, [21, 21, 80, 60]) +
        objectXml('Bus &amp; &lt;Tram&gt; &quot;x&quot;', 1, [1, 51, 100, 100]) +
        '</annotation>\n',
    );
    expect(readVoc(file!.content)).toEqual([
      { name: 'Car', box: [21, 21, 80, 60] },
      { name: 'Bus & <Tram> "x"', box: [1, 51, 100, 100] },
    ]);
  });

  it('rounds half up, clamps to the image and keeps sub-pixel boxes one pixel wide', () => {
    const item = exportItem(1, {
      regions: [
        region('half', 'bbox', 'car', { x: 0.0125, y: 0.3375, w: 0.1, h: 0.1 }),
        region('overflow', 'bbox', 'car', { x: 0.9, y: 0.9, w: 0.2, h: 0.2 }),
        region('tiny', 'bbox', 'car', { x: 0.5, y: 0.5, w: 0.001, h: 0.001 }),
      ],
    });
    const objects = readVoc(runWriter(createVocWriter, ctx, [item])[0]!.content);
    expect(objects.map((o) => o.box)).toEqual([
      [4, 35, 23, 44],
      [181, 91, 200, 100],
      [101, 51, 101, 51],
    ]);
    expect(runWriter(createVocWriter, ctx, [item])[0]!.content.match(/<truncated>(\d)/g)).toEqual([
      '<truncated>0',
      '<truncated>1',
      '<truncated>0',
    ]);
  });

  it('skips images without a size and other kinds, and lists the rest per split in snapshot order', () => {
    const items = [
      exportItem(5, { split: 'val' }),
      exportItem(2),
      exportItem(3, { width: null }),
      exportItem(4, { kind: 'VIDEO', mediaName: '000004-x.mp4' }),
      exportItem(1),
    ];
    const files = runWriter(createVocWriter, ctx, items);
    expect(files.map((f) => f.path)).toEqual([
      'Annotations/000005-05ababababab.xml',
      'Annotations/000002-02ababababab.xml',
      'Annotations/000001-01ababababab.xml',
      'ImageSets/Main/train.txt',
      'ImageSets/Main/val.txt',
    ]);
    expect(files[3]!.content).toBe('000002-02ababababab\n000001-01ababababab\n');
    expect(files[4]!.content).toBe('000005-05ababababab\n');
    expect(files[0]!.content).not.toContain('<object>');
  });

  it('is byte-deterministic', () => {
    expect(runWriter(createVocWriter, ctx, [street, exportItem(1)])).toEqual(
      runWriter(createVocWriter, ctx, [street, exportItem(1)]),
    );
  });
});
