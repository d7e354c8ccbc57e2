'use client';

import { useQueryClient } from '@tanstack/react-query';
import { callApi } from '@/lib/api/client';
import { discardAsset, getAsset, listAssets, retryAsset } from '@/lib/api/operations/assets';
import { getImport, listImports } from '@/lib/api/operations/imports';
import { ConfirmButton } from '../ui/confirm-button';

/** Retry (run the pipeline again) or Discard a quarantined asset; for those who may write assets. */
export function QuarantineActions({
  slug,
  assetId,
  filename,
  onDiscarded,
}: {
  slug: string;
  assetId: string;
  filename: string;
  onDiscarded?: () => void;
}) {
  const queryClient = useQueryClient();
  const params = { projectId: slug, assetId };
  const refresh = () =>
    Promise.all([listAssets, getAsset, getImport, listImports].map((op) => queryClient.invalidateQueries({ queryKey: [op.id] })));
  return (
    <div className="flex gap-1.5">
      <ConfirmButton
        variant="primary"
        title={`Retry ${filename}?`}
        body="The asset goes back to RAW and through the pipeline again. Useful after a tool or limit was fixed."
        confirmLabel="Retry"
        onConfirm={async () => {
          await callApi(retryAsset, { params });
          await refresh();
        }}
      >
        Retry
      </ConfirmButton>
      <ConfirmButton
        title={`Discard ${filename}?`}
        body="The asset leaves the project. Its original bytes stay in the immutable raw store."
        confirmLabel="Discard"
        onConfirm={async () => {
          await callApi(discardAsset, { params });
          onDiscarded?.();
          await refresh();
        }}
      >
        Discard
      </ConfirmButton>
    </div>
  );
}
