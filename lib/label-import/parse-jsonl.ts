import { ZRegionSchema } from '../schemas/workflow';
import { parseJson, type ParseResult } from './parsed-row';

// Loupe's own JSONL (lib/export/jsonl.ts): one item a line, found by its asset's sha256, regions
// exactly as exported. The regions' own ids are replaced on import; their geometry is checked later.

export function parseJsonl(text: string): ParseResult {
  const result: ParseResult = { rows: [], rejected: [] };
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const row = `line ${i + 1}`;
    const parsed = parseJson(line, row);
    if ('error' in parsed) return void result.rejected.push({ row, reason: parsed.error });
    const item = parsed.value as { asset?: { sha256?: unknown }; regions?: unknown };
    const sha256 = item?.asset?.sha256;
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) {
      return void result.rejected.push({ row, reason: `${row} has no asset.sha256 (64 hex digits) to find its item by` });
    }
    if (!Array.isArray(item.regions)) return void result.rejected.push({ row, reason: `${row} has no regions list` });
    const regions = [];
    for (const [k, raw] of item.regions.entries()) {
      const region = ZRegionSchema.safeParse(raw);
      if (!region.success) {
        return void result.rejected.push({
          row,
          reason: `${row}, region ${k + 1}: ${region.error.issues[0]?.message ?? 'malformed'}`,
        });
      }
      const { id: _id, type, classId, attributes, suggestion: _suggestion, ...geometry } = region.data;
      regions.push({ where: `region ${k + 1}`, type, classRef: classId, attributes, geometry, score: null });
    }
    result.rows.push({ row, match: { sha256 }, regions, source: { kind: 'annotation', model: null } });
  });
  return result;
}
