/**
 * JSON with object keys sorted at every level, so equal values always serialise to equal bytes
 * (what checksums of taxonomy versions, snapshot items and manifests are computed over). Written
 * directly rather than by sorting a copy and stringifying it: a snapshot of a million labels goes
 * through here several times. Same output as `JSON.stringify` of a key-sorted copy (what it was
 * first, and what stored checksums were made with): keys in code unit order, except that integer
 * keys ("9", "10") come first in numeric order, as JavaScript orders an object's own keys; undefined
 * (and function) fields dropped, undefined array entries written as null, objects by their own
 * enumerable keys (a Date is `{}`: pass ISO strings).
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  const record = value as Record<string, unknown>;
  // Object.keys lists integer keys first, in numeric order: they keep that place.
  const keys = Object.keys(record);
  const integers = keys.filter(isArrayIndex);
  let out = '';
  for (const key of integers.length === 0 ? keys.sort() : [...integers, ...keys.filter((k) => !isArrayIndex(k)).sort()]) {
    const written = write(record[key]);
    if (written === undefined) continue;
    out += `${out ? ',' : ''}${JSON.stringify(key)}:${written}`;
  }
  return `{${out}}`;
}

const isArrayIndex = (key: string) => /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
