import type { Metadata } from 'next';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { requirePageCtx } from '@/app/_lib/session';
import { MembersPanel } from '@/components/members/members-panel';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [access, ctx] = await Promise.all([projectAccessOrNotFound(slug), requirePageCtx()]);
  return <MembersPanel slug={access.slug} canManage={access.can('members:manage')} currentUserId={ctx.actor.id} />;
}
