import type { Metadata } from 'next';
import { AcceptInviteForm } from '@/components/members/accept-invite-form';

export const metadata: Metadata = { title: 'Invitation', referrer: 'no-referrer' };

// Public: the token in the URL is the credential, checked by the API.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <AcceptInviteForm token={token} />;
}
