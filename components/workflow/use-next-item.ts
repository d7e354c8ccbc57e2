'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { callApi, errorMessage } from '@/lib/api/client';
import { claimNextTask, getQueueStats } from '@/lib/api/operations/workflow';
import type { TAssignmentView } from '@/lib/schemas/workflow';
import { preloadMedia } from './media';
import { assignmentKey, useOpenAssignment } from './use-open-assignment';

/**
 * The next item of the pass, claimed in the background while the caller works on this one (its media
 * preloaded), so `goNext` after a submit, skip or decision opens it at once. The claim skips the current
 * item (`exclude`); if nothing was waiting then, `goNext` asks again, since work may have arrived since.
 */
export function useNextItem(slug: string, view: TAssignmentView | undefined, userId: string) {
  const queryClient = useQueryClient();
  const open = useOpenAssignment(slug);
  const [advancing, setAdvancing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [queueEmpty, setQueueEmpty] = useState(false);

  const passId = view?.pass.id ?? '';
  const current = view?.assignment.id ?? '';
  const holdsIt = !!view && view.assignment.userId === userId && view.assignment.status === 'ACTIVE';
  const queryKey = ['claimNextTask', 'prefetch', slug, passId, current];
  const claim = () => callApi(claimNextTask, { params: { projectId: slug, passId }, query: { exclude: current } });
  // A claim is a POST, but asking twice returns the item already held, so a cached query is safe here.
  const prefetch = useQuery({
    queryKey,
    queryFn: claim,
    enabled: holdsIt,
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const prefetched = prefetch.data?.assignment;
  useEffect(() => {
    if (prefetched) preloadMedia(slug, prefetched.asset);
  }, [prefetched, slug]);

  async function goNext() {
    setAdvancing(true);
    setError(null);
    void queryClient.invalidateQueries({ queryKey: [getQueueStats.id] });
    try {
      const early = holdsIt
        ? await queryClient.fetchQuery({ queryKey, queryFn: claim, staleTime: Infinity }).catch(() => null)
        : null;
      const next = early?.assignment ?? (await claim()).assignment;
      // The finished item's cached view is out of date: going back to it must ask the server again.
      void queryClient.invalidateQueries({ queryKey: assignmentKey(slug, current), exact: true, refetchType: 'none' });
      // Still advancing while the next page loads, so the finished item cannot be acted on twice.
      if (next) return open(next);
      setQueueEmpty(true);
    } catch (e) {
      setError(errorMessage(e));
    }
    setAdvancing(false);
  }

  return { goNext, advancing, error, queueEmpty };
}
