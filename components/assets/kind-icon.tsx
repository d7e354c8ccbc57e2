import type { TAssetSummary } from '@/lib/schemas/asset';

// Simple line glyphs, so a card without a thumbnail (audio, or not processed yet) still says what it is.
const PATHS: Record<TAssetSummary['kind'], string> = {
  IMAGE: 'M4 5h16v14H4z M4 16l5-5 4 4 3-3 4 4 M15.5 9.5a1.5 1.5 0 1 0 0-.01',
  AUDIO: 'M3 12h2 M7 8v8 M11 4v16 M15 7v10 M19 10v4 M21 12h0',
  VIDEO: 'M3 6h13v12H3z M16 10l5-3v10l-5-3',
};

export function KindIcon({ kind, className = 'size-8' }: { kind: TAssetSummary['kind']; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
    >
      <path d={PATHS[kind]} />
    </svg>
  );
}

export const KIND_LABELS: Record<TAssetSummary['kind'], string> = { IMAGE: 'Image', AUDIO: 'Audio', VIDEO: 'Video' };
