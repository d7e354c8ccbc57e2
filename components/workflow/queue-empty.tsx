import Link from 'next/link';
import { buttonClass } from '../ui/button';

/** Shown after the last item of a pass: nothing left to claim for the caller right now. */
export function QueueEmpty({ slug, passName }: { slug: string; passName: string }) {
  return (
    <div className="mx-auto max-w-md rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center">
      <p className="text-3xl" aria-hidden>
        ✓
      </p>
      <h2 className="mt-2 text-base font-semibold text-zinc-900">Queue empty</h2>
      <p className="mt-1 text-sm text-zinc-500">
        Nothing is left for you in <strong className="text-zinc-700">{passName}</strong>. New items and work returned to you will
        show up on the work page.
      </p>
      <Link href={`/projects/${slug}/work`} className={`${buttonClass('primary')} mt-5`}>
        Back to work
      </Link>
    </div>
  );
}
