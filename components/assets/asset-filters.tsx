'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { listImports } from '@/lib/api/operations/imports';
import { ASSET_KINDS, ASSET_STAGES, type TAssetList } from '@/lib/schemas/asset';
import { cx } from '../ui/cx';
import { FieldError, Input, Select } from '../ui/field';
import { formatDateTime } from '../ui/format';
import { useApiQuery } from '../use-api';
import type { AssetFilters } from './use-asset-pages';
import { KIND_LABELS } from './kind-icon';
import { STAGE_LABELS } from './stage-badge';

const META = /^[^=]{1,100}=.{0,200}$/;

interface AssetFilterBarProps {
  slug: string;
  filters: AssetFilters;
  stageCounts: TAssetList['stageCounts'] | undefined;
  onChange: (next: AssetFilters) => void;
}

export function AssetFilterBar({ slug, filters, stageCounts, onChange }: AssetFilterBarProps) {
  const batches = useApiQuery(listImports, { params: { projectId: slug } });
  const [q, setQ] = useState(filters.q ?? '');
  const [meta, setMeta] = useState(filters.meta ?? '');
  const metaInvalid = meta !== '' && !META.test(meta);
  const set = (patch: Partial<AssetFilters>) => onChange({ ...filters, ...patch });

  // Typing refines the search after a pause, not on every key.
  useEffect(() => {
    const value = q.trim() || undefined;
    if (value === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q: value }), 300);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Stage">
        <Chip active={!filters.stage} onClick={() => set({ stage: undefined })}>
          All stages
        </Chip>
        {ASSET_STAGES.map((stage) => (
          <Chip key={stage} active={filters.stage === stage} onClick={() => set({ stage })}>
            {STAGE_LABELS[stage]}
            <span className="ml-1 text-zinc-400 tabular-nums">{stageCounts?.[stage] ?? 0}</span>
          </Chip>
        ))}
      </div>
      <div className="flex flex-wrap items-start gap-2">
        <div className="w-32">
          <Select
            aria-label="Kind"
            value={filters.kind ?? ''}
            onChange={(e) => set({ kind: (e.target.value || undefined) as AssetFilters['kind'] })}
          >
            <option value="">All kinds</option>
            {ASSET_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </Select>
        </div>
        <div className="w-64">
          <Select
            aria-label="Import batch"
            value={filters.batchId ?? ''}
            onChange={(e) => set({ batchId: e.target.value || undefined })}
          >
            <option value="">All import batches</option>
            {batches.data?.batches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label || b.source.toLowerCase()} · {formatDateTime(b.createdAt)}
              </option>
            ))}
          </Select>
        </div>
        <div className="w-56">
          <Input
            type="search"
            aria-label="Filename contains"
            placeholder="Filename contains…"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <form
          className="w-56"
          onSubmit={(e) => {
            e.preventDefault();
            if (!metaInvalid) set({ meta: meta.trim() || undefined });
          }}
        >
          <Input
            aria-label="Metadata key=value"
            placeholder="Metadata key=value ⏎"
            value={meta}
            invalid={metaInvalid}
            onChange={(e) => setMeta(e.target.value)}
            onBlur={() => !metaInvalid && set({ meta: meta.trim() || undefined })}
          />
          {metaInvalid && <FieldError message="Use key=value" />}
        </form>
      </div>
    </div>
  );
}

function Chip({ active, onClick, children }: { active: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={onClick}
      className={cx(
        'rounded-full border px-2.5 py-0.5 text-xs',
        active
          ? 'border-accent-600 bg-accent-50 font-medium text-accent-700'
          : 'border-zinc-300 bg-white text-zinc-600 hover:bg-zinc-50',
      )}
    >
      {children}
    </button>
  );
}
