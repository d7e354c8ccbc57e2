import { geometryOf, type TBoxGeometry } from '../schemas/geometry';
import { SPLITS, type TSplit } from './export-item';
import type { CreateWriter } from './format-writer';
import { pixelSize, safeBase, textLines } from './text-format';

// Pascal VOC detection: Annotations/<base>.xml per image with a known size, ImageSets/Main/<split>.txt.
// Written: axis-aligned bbox regions only. Skipped: rotated boxes (VOC boxes are axis-aligned and an
// enclosing box would silently grow the label), every other region type, regions whose class is not
// in the pinned taxonomy, and images without width/height (VOC requires <size>).
//
// Pixel convention as in the VOC devkit and the loaders that read it (torchvision, detectron2): pixel
// indexes are 1-based and inclusive, so a box covering pixels [x0, x1) (continuous, 0-based) is
// xmin = x0 + 1, xmax = x1, rounded and clamped to [1, width] / [1, height].

export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);

const clampInt = (v: number, max: number) => Math.min(max, Math.max(1, v));

function vocBox(box: TBoxGeometry, width: number, height: number) {
  const xmin = clampInt(Math.round(box.x * width) + 1, width);
  const ymin = clampInt(Math.round(box.y * height) + 1, height);
  // A box thinner than a pixel still covers the pixel it starts on.
  const xmax = Math.max(xmin, clampInt(Math.round((box.x + box.w) * width), width));
  const ymax = Math.max(ymin, clampInt(Math.round((box.y + box.h) * height), height));
  const truncated = xmin === 1 || ymin === 1 || xmax === width || ymax === height;
  return { xmin, ymin, xmax, ymax, truncated };
}

export const createVocWriter: CreateWriter = (ctx) => {
  const classNames = new Map(ctx.classes.map((c) => [c.id, c.name]));
  const bases: Record<TSplit, string[]> = { train: [], val: [], test: [] };
  return {
    item(item) {
      const size = pixelSize(item);
      if (item.kind !== 'IMAGE' || !size) return [];
      const base = safeBase(item);
      const objects: string[] = [];
      for (const region of item.regions) {
        const name = classNames.get(region.classId);
        const box = region.type === 'bbox' ? geometryOf('bbox', region) : null;
        if (name === undefined || !box || (box.rotation ?? 0) % 360 !== 0) continue;
        const b = vocBox(box, size.width, size.height);
        objects.push(
          '  <object>',
          `    <name>${escapeXml(name)}</name>`,
          '    <pose>Unspecified</pose>',
          `    <truncated>${b.truncated ? 1 : 0}</truncated>`,
          '    <difficult>0</difficult>',
          '    <bndbox>',
          `      <xmin>${b.xmin}</xmin>`,
          `      <ymin>${b.ymin}</ymin>`,
          `      <xmax>${b.xmax}</xmax>`,
          `      <ymax>${b.ymax}</ymax>`,
          '    </bndbox>',
          '  </object>',
        );
      }
      bases[item.split].push(base);
      const xml = [
        '<annotation>',
        `  <folder>${escapeXml(ctx.snapshot.name)}</folder>`,
        `  <filename>${escapeXml(item.mediaName)}</filename>`,
        '  <size>',
        `    <width>${size.width}</width>`,
        `    <height>${size.height}</height>`,
        '    <depth>3</depth>',
        '  </size>',
        '  <segmented>0</segmented>',
        ...objects,
        '</annotation>',
      ];
      return [{ path: `Annotations/${base}.xml`, content: textLines(xml) }];
    },
    finish() {
      return SPLITS.filter((s) => bases[s].length > 0).map((s) => ({
        path: `ImageSets/Main/${s}.txt`,
        content: textLines(bases[s]),
      }));
    },
  };
};
