'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { buildUrl } from '@/lib/api/client';
import { getAssetContent, getAssetDerivative } from '@/lib/api/operations/assets';
import { getQualityComparison } from '@/lib/api/operations/quality';
import type { TPairUnit, TQualityComparison } from '@/lib/schemas/quality';
import { Badge } from '../ui/badge';
import { formatDateTime } from '../ui/format';
import { Card } from '../ui/page-header';
import { ErrorState, LoadingState } from '../ui/states';
import { Table, Td } from '../ui/table';
import { useApiQuery } from '../use-api';
import { FAMILY_SHORT } from './quality-format';
import { RegionOverlay } from './region-overlay';
import { TimelineOverlay } from './timeline-overlay';

const SIDE_COLORS = ['#4f46e5', '#ea580c'] as const;

/** One compared item: two annotators' first submissions over the media, and how their regions were matched. */
export function ComparisonView({ slug, taskId }: { slug: string; taskId: string }) {
  const comparison = useApiQuery(getQualityComparison, { params: { projectId: slug, taskId } });
  if (comparison.isPending) return <LoadingState label="Loading the comparison…" />;
  if (comparison.isError) return <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />;
  return <Comparison slug={slug} comparison={comparison.data} />;
}

function verdictOf(u: TPairUnit, names: [string, string]): { tone: 'green' | 'red' | 'amber'; text: string } {
  if (u.ca !== null && u.ca === u.cb) return { tone: 'green', text: 'agree' };
  if (u.ca !== null && u.cb !== null) return { tone: 'red', text: 'class differs' };
  return { tone: 'amber', text: `only ${u.ca === null ? names[1] : names[0]}` };
}

function Comparison({ slug, comparison }: { slug: string; comparison: TQualityComparison }) {
  const { asset, annotations, units } = comparison;
  const pairs = useMemo(
    () => [...new Set(units.map((u) => `${u.a}\u0000${u.b}`))].map((k) => k.split('\u0000') as [string, string]),
    [units],
  );
  const [pairIndex, setPairIndex] = useState(0);
  const [hovered, setHovered] = useState<TPairUnit | null>(null);
  const [thumbnailFailed, setThumbnailFailed] = useState(false);
  const pair = pairs[pairIndex] ?? [annotations[0]?.annotator.id ?? '', annotations[1]?.annotator.id ?? ''];
  const sides = pair.map((id) => annotations.find((a) => a.annotator.id === id));
  const names = sides.map((s) => s?.annotator.name ?? 'someone') as [string, string];
  const classOf = new Map(comparison.classes.map((c) => [c.id, c]));
  const nameOf = (classId: string | null) => (classId === null ? '—' : (classOf.get(classId)?.name ?? classId));
  const shown = units
    .filter((u) => u.a === pair[0] && u.b === pair[1])
    .sort((x, y) => Number(x.ca === x.cb) - Number(y.ca === y.cb) || x.family.localeCompare(y.family));
  const highlight = new Set(hovered ? [`0:${hovered.ra}`, `1:${hovered.rb}`] : []);
  const disagreements = shown.filter((u) => u.ca !== u.cb).length;
  const overlaySides = sides.map((side, i) => ({
    name: names[i]!,
    color: SIDE_COLORS[i]!,
    dashed: i === 1,
    regions: side?.regions ?? [],
  }));
  const imageSrc = thumbnailFailed
    ? buildUrl(getAssetContent.path, { projectId: slug, assetId: asset.id })
    : buildUrl(getAssetDerivative.path, { projectId: slug, assetId: asset.id, kind: 'thumbnail' }, { variant: '1024' });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <Link href={`/projects/${slug}/quality`} className="text-xs text-zinc-500 hover:text-zinc-900">
            ← Quality
          </Link>
          <h2 className="text-base font-semibold text-zinc-900" data-testid="compared-asset">
            {asset.name}
          </h2>
          <p className="text-xs text-zinc-500">
            {comparison.passName} · {disagreements} of {shown.length} compared answers differ ·{' '}
            <Link href={`/projects/${slug}/assets/${asset.id}`} className="text-accent-700 hover:underline">
              asset
            </Link>
          </p>
        </div>
        {pairs.length > 1 && (
          <label className="text-xs text-zinc-600">
            Pair{' '}
            <select
              className="rounded border border-zinc-300 px-1 py-0.5 text-sm"
              value={pairIndex}
              onChange={(e) => setPairIndex(Number(e.target.value))}
            >
              {pairs.map(([a, b], i) => (
                <option key={`${a}-${b}`} value={i}>
                  {annotations.find((x) => x.annotator.id === a)?.annotator.name} ×{' '}
                  {annotations.find((x) => x.annotator.id === b)?.annotator.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <ul className="flex flex-wrap gap-4 text-xs" aria-label="Annotators">
        {sides.map((side, i) => (
          <li key={i} className="flex items-center gap-1.5">
            <svg width="22" height="10" aria-hidden>
              <line
                x1="0"
                y1="5"
                x2="22"
                y2="5"
                stroke={SIDE_COLORS[i]}
                strokeWidth="2.5"
                strokeDasharray={i === 1 ? '5 3' : undefined}
              />
            </svg>
            <span className="font-medium text-zinc-800">{names[i]}</span>
            <span className="text-zinc-500">submitted {formatDateTime(side?.submittedAt)}</span>
          </li>
        ))}
      </ul>

      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="p-2">
          {asset.kind === 'IMAGE' ? (
            // Small images are shown larger, up to the height of the screen; the overlay follows the picture.
            <div
              className="relative mx-auto"
              style={{ maxWidth: asset.width && asset.height ? `min(100%, calc(70vh * ${asset.width / asset.height}))` : '100%' }}
            >
              <img
                src={imageSrc}
                alt={asset.name}
                className="block h-auto w-full"
                onError={() => setThumbnailFailed(true)}
                data-testid="compared-image"
              />
              <RegionOverlay sides={overlaySides} highlight={highlight} />
            </div>
          ) : (
            <div className="p-2">
              <TimelineOverlay
                sides={overlaySides}
                highlight={highlight}
                classColor={(id) => classOf.get(id)?.color ?? '#a1a1aa'}
              />
            </div>
          )}
        </Card>
        <Table head={['Type', names[0], names[1], 'Score', '']} label="Matched regions">
          {shown.map((u, i) => {
            const verdict = verdictOf(u, names);
            return (
              <tr
                key={`${u.family}-${u.ra}-${u.rb}-${i}`}
                onMouseEnter={() => setHovered(u)}
                onMouseLeave={() => setHovered(null)}
                className="hover:bg-accent-50"
                data-testid="pair-unit"
              >
                <Td className="text-xs text-zinc-500">{FAMILY_SHORT[u.family]}</Td>
                <Td>{nameOf(u.ca)}</Td>
                <Td>{nameOf(u.cb)}</Td>
                <Td className="tabular-nums">{u.score === null ? '' : u.score.toFixed(2)}</Td>
                <Td>
                  <Badge tone={verdict.tone} className="whitespace-nowrap">
                    {verdict.text}
                  </Badge>
                </Td>
              </tr>
            );
          })}
        </Table>
      </div>
    </div>
  );
}
