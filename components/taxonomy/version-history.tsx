import Link from 'next/link';
import type { TTaxonomy } from '@/lib/schemas/taxonomy';
import { Badge } from '../ui/badge';
import { formatDate } from '../ui/format';
import { cx } from '../ui/cx';
import { CompareVersions } from './compare-versions';

/** Every version of the taxonomy, newest first; each opens read-only, and any two can be compared. */
export function VersionHistory({ slug, versions, current }: { slug: string; versions: TTaxonomy['versions']; current?: number }) {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <div className="rounded-lg border border-zinc-200 bg-white shadow-xs">
      <h2 className="border-b border-zinc-100 px-3 py-2 text-xs font-semibold text-zinc-700">Version history</h2>
      {sorted.length === 0 ? (
        <p className="px-3 py-3 text-xs text-zinc-500">No versions yet.</p>
      ) : (
        <ul className="divide-y divide-zinc-100" aria-label="Versions">
          {sorted.map((v) => (
            <li key={v.id}>
              <Link
                href={`/projects/${slug}/taxonomy/versions/${v.version}`}
                className={cx(
                  'flex items-center justify-between gap-2 px-3 py-2 text-sm hover:bg-zinc-50',
                  current === v.version && 'bg-accent-50',
                )}
              >
                <span className="font-medium text-zinc-900">v{v.version}</span>
                <span className="flex items-center gap-2 text-xs text-zinc-500">
                  {v.status === 'DRAFT' ? <Badge tone="amber">draft</Badge> : formatDate(v.publishedAt)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <CompareVersions slug={slug} versions={versions} />
    </div>
  );
}
