'use client';

import { useQueryClient } from '@tanstack/react-query';
import { listMembers } from '@/lib/api/operations/members';
import { getProject } from '@/lib/api/operations/projects';
import { Section } from '../ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { useApiQuery } from '../use-api';
import { InvitationsTable } from './invitations-table';
import { InviteForm } from './invite-form';
import { MembersTable } from './members-table';

export function MembersPanel({ slug, canManage, currentUserId }: { slug: string; canManage: boolean; currentUserId: string }) {
  const queryClient = useQueryClient();
  const members = useApiQuery(listMembers, { params: { projectId: slug } });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [listMembers.id] }),
      queryClient.invalidateQueries({ queryKey: [getProject.id] }),
    ]);

  if (members.isPending) return <LoadingState label="Loading members…" />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  const { members: list, invitations } = members.data;

  return (
    <div className="space-y-8">
      {canManage && (
        <Section title="Invite someone" description="People with an account are added at once; anyone else gets a one-time link.">
          <InviteForm slug={slug} onDone={refresh} />
        </Section>
      )}
      <Section title={`Members (${list.length})`}>
        <MembersTable slug={slug} members={list} canManage={canManage} currentUserId={currentUserId} onChange={refresh} />
      </Section>
      <Section
        title={`Pending invitations (${invitations.length})`}
        description="Links not accepted yet. Each expires on its own."
      >
        {invitations.length === 0 ? (
          <EmptyState title="No pending invitations" />
        ) : (
          <InvitationsTable slug={slug} invitations={invitations} canManage={canManage} onChange={refresh} />
        )}
      </Section>
      {!canManage && (
        <p className="text-xs text-zinc-500">Only project owners can invite people, change roles or remove members.</p>
      )}
    </div>
  );
}
