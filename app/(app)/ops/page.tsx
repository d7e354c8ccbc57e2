import type { Metadata } from 'next';
import { requirePageCtx } from '@/app/_lib/session';
import { OpsDashboard } from '@/components/ops/ops-dashboard';

export const metadata: Metadata = { title: 'Operations' };

export default async function OpsPage() {
  const ctx = await requirePageCtx();
  if (!ctx.actor.isSiteAdmin) {
    return (
      <div className="mx-auto max-w-md py-16 text-center" data-testid="forbidden">
        <p className="text-sm font-semibold text-accent-600">403</p>
        <h1 className="mt-1 text-xl font-semibold text-zinc-900">Site admins only</h1>
        <p className="mt-2 text-sm text-zinc-500">
          The operations dashboard shows every project&apos;s jobs, so only site admins can open it.
        </p>
      </div>
    );
  }
  return <OpsDashboard />;
}
