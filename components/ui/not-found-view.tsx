import Link from 'next/link';
import { buttonClass } from './button';

export function NotFoundView({ what = 'page' }: { what?: string }) {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-accent-600">404</p>
      <h1 className="mt-1 text-xl font-semibold text-zinc-900">This {what} does not exist</h1>
      <p className="mt-2 text-sm text-zinc-500">
        It may have been removed, the link may be mistyped, or you are not a member of it. Ask its owner to invite you if you
        should have access.
      </p>
      <Link href="/projects" className={`${buttonClass('secondary')} mt-5`}>
        Back to your projects
      </Link>
    </div>
  );
}
