'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { getAssignment } from '@/lib/api/operations/workflow';
import type { TAssignmentView } from '@/lib/schemas/workflow';
import { apiKey } from '../use-api';

export function assignmentKey(slug: string, assignmentId: string) {
  return apiKey(getAssignment, { params: { projectId: slug, assignmentId } });
}

/** Opens a claimed item in the task shell; the claim already returned its view, so it shows at once. */
export function useOpenAssignment(slug: string) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useCallback(
    (view: TAssignmentView) => {
      queryClient.setQueryData(assignmentKey(slug, view.assignment.id), view);
      router.push(`/projects/${slug}/work/${view.assignment.id}`);
    },
    [queryClient, router, slug],
  );
}
