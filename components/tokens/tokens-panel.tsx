'use client';

import { useQueryClient } from '@tanstack/react-query';
import { callApi } from '@/lib/api/client';
import { listApiTokens, revokeApiToken } from '@/lib/api/operations/me';
import { ConfirmButton } from '../ui/confirm-button';
import { formatDate, formatRelative } from '../ui/format';
import { PageHeader, Section } from '../ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { Table, Td } from '../ui/table';
import { useApiQuery } from '../use-api';
import { CreateTokenForm } from './create-token-form';

export function TokensPanel() {
  const queryClient = useQueryClient();
  const tokens = useApiQuery(listApiTokens, {});
  const refresh = () => queryClient.invalidateQueries({ queryKey: [listApiTokens.id] });

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let scripts call the REST API as you, with your permissions. Treat them like passwords."
      />
      <div className="space-y-8">
        <Section title="Create a token">
          <CreateTokenForm onCreated={refresh} />
        </Section>
        <Section title="Your tokens">
          {tokens.isPending ? (
            <LoadingState label="Loading tokens…" />
          ) : tokens.isError ? (
            <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
          ) : tokens.data.tokens.length === 0 ? (
            <EmptyState title="No tokens yet">Create one above to call the API from a script.</EmptyState>
          ) : (
            <Table head={['Name', 'Prefix', 'Created', 'Last used', 'Expires', '']} label="API tokens">
              {tokens.data.tokens.map((t) => (
                <tr key={t.id} data-testid={`token-${t.name}`}>
                  <Td className="font-medium text-zinc-900">{t.name}</Td>
                  <Td className="font-mono text-xs text-zinc-600">{t.prefix}…</Td>
                  <Td className="text-zinc-500">{formatDate(t.createdAt)}</Td>
                  <Td className="text-zinc-500">{t.lastUsedAt ? formatRelative(t.lastUsedAt) : 'never'}</Td>
                  <Td className="text-zinc-500">{t.expiresAt ? <ExpiresAt iso={t.expiresAt} /> : 'never'}</Td>
                  <Td className="text-right">
                    <ConfirmButton
                      title={`Revoke "${t.name}"?`}
                      body="Scripts using this token get 401 from now on. This cannot be undone."
                      confirmLabel="Revoke token"
                      onConfirm={async () => {
                        await callApi(revokeApiToken, { params: { tokenId: t.id } });
                        await refresh();
                      }}
                    >
                      Revoke
                    </ConfirmButton>
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </Section>
      </div>
    </>
  );
}

function ExpiresAt({ iso }: { iso: string }) {
  const expired = new Date(iso).getTime() < Date.now();
  return <span className={expired ? 'text-red-600' : undefined}>{expired ? `expired ${formatDate(iso)}` : formatDate(iso)}</span>;
}
