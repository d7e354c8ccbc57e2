'use client';

import { useMutation } from '@tanstack/react-query';
import { callApi } from '@/lib/api/client';
import { removeMember, updateMember } from '@/lib/api/operations/members';
import { ROLES, type TMember, type TRole } from '@/lib/schemas/project';
import { ROLE_LABELS, RoleBadge } from '../ui/badge';
import { ConfirmButton } from '../ui/confirm-button';
import { Select } from '../ui/field';
import { formatDate } from '../ui/format';
import { Notice } from '../ui/states';
import { Table, Td } from '../ui/table';

interface MembersTableProps {
  slug: string;
  members: TMember[];
  canManage: boolean;
  currentUserId: string;
  onChange: () => Promise<unknown>;
}

export function MembersTable({ slug, members, canManage, currentUserId, onChange }: MembersTableProps) {
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: TRole }) =>
      callApi(updateMember, { params: { projectId: slug, userId }, body: { role } }),
    onSuccess: onChange,
  });

  return (
    <div className="space-y-2">
      {changeRole.isError && <Notice tone="error">{changeRole.error.message}</Notice>}
      <Table head={['Name', 'Email', 'Role', 'Joined', ...(canManage ? [''] : [])]} label="Members">
        {members.map((m) => (
          <tr key={m.userId} data-testid={`member-${m.email}`}>
            <Td className="font-medium text-zinc-900">
              {m.name}
              {m.userId === currentUserId && <span className="ml-1.5 text-xs font-normal text-zinc-400">(you)</span>}
            </Td>
            <Td className="text-zinc-600">{m.email}</Td>
            <Td>
              {canManage ? (
                <div className="w-36">
                  <Select
                    compact
                    aria-label={`Role of ${m.email}`}
                    value={m.role}
                    disabled={changeRole.isPending}
                    onChange={(e) => changeRole.mutate({ userId: m.userId, role: e.target.value as TRole })}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </Select>
                </div>
              ) : (
                <RoleBadge role={m.role} />
              )}
            </Td>
            <Td className="text-zinc-500">{formatDate(m.joinedAt)}</Td>
            {canManage && (
              <Td className="text-right">
                <ConfirmButton
                  title={`Remove ${m.name}?`}
                  body={`${m.email} loses access to this project at once. Their past work stays.`}
                  confirmLabel="Remove member"
                  onConfirm={async () => {
                    await callApi(removeMember, { params: { projectId: slug, userId: m.userId } });
                    await onChange();
                  }}
                >
                  Remove
                </ConfirmButton>
              </Td>
            )}
          </tr>
        ))}
      </Table>
    </div>
  );
}
