import Link from 'next/link';
import type { ReactNode } from 'react';
import type { TAssetDetail } from '@/lib/schemas/asset';
import { formatDateTime } from '../ui/format';
import { formatBytes, formatDuration } from './asset-format';
import { KIND_LABELS } from './kind-icon';
import { probeFacts } from './probe-facts';

/** The metadata table: what the file is, when it was captured vs. processed, and where it came from. */
export function AssetFacts({ slug, asset: a }: { slug: string; asset: TAssetDetail }) {
  const probe = probeFacts(a.probe);
  const rows: [string, ReactNode][] = [
    ['Filename', a.filename],
    ['Kind', KIND_LABELS[a.kind]],
    ['MIME type', <code key="mime">{a.mime}</code>],
    ['Size', `${formatBytes(a.bytes)} (${a.bytes.toLocaleString('en')} bytes)`],
    ['Dimensions', a.width && a.height ? `${a.width} × ${a.height}` : '—'],
    ['Duration', formatDuration(a.durationSec)],
    ['Frame rate', a.fps ? `${Number(a.fps.toFixed(3))} fps${probe.vfr ? ' (variable)' : ''}` : '—'],
    ['Frames', a.frameCount?.toLocaleString('en') ?? '—'],
    ['Variable frame rate', probe.vfr === null ? '—' : probe.vfr ? 'yes' : 'no'],
    ['Codec / format', probe.format ?? '—'],
    ...(probe.orientation && probe.orientation > 1
      ? [['EXIF orientation', `${probe.orientation} (applied)`] as [string, ReactNode]]
      : []),
    ...(probe.silent ? [['Audio', 'silent (peak under -60 dBFS)'] as [string, ReactNode]] : []),
    ['Captured', formatDateTime(a.capturedAt)],
    ['Imported', formatDateTime(a.createdAt)],
    ['Staged', formatDateTime(a.stagedAt)],
    ['Ready', formatDateTime(a.readyAt)],
    ['Device', a.device ?? '—'],
    ['Location', a.location ?? '—'],
    ['Consent', a.consent ?? '—'],
    ['License', a.license ?? '—'],
    ['Source', a.sourceUri ? `${a.source.toLowerCase()} · ${a.sourceUri}` : a.source.toLowerCase()],
    [
      'Import batch',
      a.importBatch ? (
        <Link
          key="batch"
          className="text-accent-700 hover:underline"
          href={`/projects/${slug}/assets?batchId=${a.importBatch.id}`}
        >
          {a.importBatch.label || a.importBatch.source.toLowerCase()} · {formatDateTime(a.importBatch.createdAt)}
        </Link>
      ) : (
        '—'
      ),
    ],
    ...Object.entries(a.metadata).map(([key, value]): [string, ReactNode] => [
      key,
      <code key={key}>{typeof value === 'string' ? value : JSON.stringify(value)}</code>,
    ]),
  ];
  return (
    <dl
      className="divide-y divide-zinc-100 self-start rounded-lg border border-zinc-200 bg-white text-sm shadow-xs"
      aria-label="Metadata"
    >
      {rows.map(([label, value]) => (
        <div key={label} className="grid grid-cols-[9rem_minmax(0,1fr)] gap-2 px-3 py-1.5">
          <dt className="text-zinc-500">{label}</dt>
          <dd className="break-words text-zinc-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
