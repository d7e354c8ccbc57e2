import { createHash } from 'node:crypto';
import type { TSplit } from '@/lib/export/export-item';
import type { TSplitConfig } from '@/lib/schemas/snapshot';

// A deterministic train / val / test split: each item's place comes from the sha256 of the seed and
// its asset id, never from a random draw, so the same seed and items give the same split on any
// machine, and an item keeps its split in a later snapshot that holds more items (unstratified).
// Stratified, items are ranked by that hash within their stratum (their most frequent class) and the
// ratios are applied to each stratum's ranks, so a rare class reaches every split in proportion.

export interface SplitCandidate {
  assetId: string;
  /** The stratum: the item's most frequent class id ('' for an item without regions). */
  stratum: string;
}

/** A number in [0, 1) from the first 48 bits of sha256(seed:assetId). */
export function splitHash(seed: string, assetId: string): number {
  return parseInt(createHash('sha256').update(`${seed}:${assetId}`).digest('hex').slice(0, 12), 16) / 2 ** 48;
}

function splitAt(u: number, config: TSplitConfig): TSplit {
  if (u < config.train) return 'train';
  return u < config.train + config.val ? 'val' : 'test';
}

/** The split of each candidate, in the candidates' order. */
export function assignSplits(candidates: readonly SplitCandidate[], config: TSplitConfig): TSplit[] {
  const hashes = candidates.map((c) => splitHash(config.seed, c.assetId));
  if (!config.stratified) return hashes.map((u) => splitAt(u, config));
  const strata = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    const members = strata.get(c.stratum);
    if (members) members.push(i);
    else strata.set(c.stratum, [i]);
  });
  const splits: TSplit[] = new Array(candidates.length);
  for (const members of strata.values()) {
    members.sort((a, b) => hashes[a]! - hashes[b]! || (candidates[a]!.assetId < candidates[b]!.assetId ? -1 : 1));
    // The rank's centre: one item of a stratum goes by its middle, not its start (always train).
    members.forEach((i, rank) => (splits[i] = splitAt((rank + 0.5) / members.length, config)));
  }
  return splits;
}
