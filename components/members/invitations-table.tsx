'use client';

import { callApi } from '@/lib/api/client';
import { revokeInvitation } from '@/lib/api/operations/members';
import type { TInvitation } from '@/lib/schemas/project';
import { RoleBadge } from '../ui/badge';
import { ConfirmButton } from '../ui/confirm-button';
import { formatDate } from '../ui/format';
import { Table, Td } from '../ui/table';

interface InvitationsTableProps {
  slug: string;
  invitations: TInvitation[];
  canManage: boolean;
  onChange: () => Promise<unknown>;
}

export function InvitationsTable({ slug, invitations, canManage, onChange }: InvitationsTableProps) {
  return (
    <Table head={['Email', 'Role', 'Invited', 'Expires', ...(canManage ? [''] : [])]} label="Pending invitations">
      {invitations.map((inv) => (
        <tr key={inv.id} data-testid={`invitation-${inv.email}`}>
          <Td className="text-zinc-900">{inv.email}</Td>
          <Td>
            <RoleBadge role={inv.role} />
          </Td>
          <Td className="text-zinc-500">{formatDate(inv.createdAt)}</Td>
          <Td className="text-zinc-500">{formatDate(inv.expiresAt)}</Td>
          {canManage && (
            <Td className="text-right">
              <ConfirmButton
                title={`Withdraw the invitation to ${inv.email}?`}
                body="The link stops working. You can invite them again later."
                confirmLabel="Withdraw"
                onConfirm={async () => {
                  await callApi(revokeInvitation, { params: { projectId: slug, invitationId: inv.id } });
                  await onChange();
                }}
              >
                Withdraw
              </ConfirmButton>
            </Td>
          )}
        </tr>
      ))}
    </Table>
  );
}
