'use client';

import { useEffect } from 'react';
import { Button } from './button';

/** What error.tsx boundaries show: no stack trace, a retry, and the digest to quote (the server log has the rest). */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="grid min-h-[60vh] place-items-center px-4">
      <div className="max-w-md text-center">
        <h1 className="text-xl font-semibold text-zinc-900">Something went wrong</h1>
        <p className="mt-2 text-sm text-zinc-500">
          This page hit an unexpected error. Trying again usually helps; if it keeps happening, tell your admin
          {error.digest ? (
            <>
              {' '}
              and quote the reference <code className="font-mono text-zinc-700">{error.digest}</code>
            </>
          ) : null}
          .
        </p>
        <div className="mt-5 flex justify-center gap-2">
          <Button variant="primary" onClick={reset}>
            Try again
          </Button>
          <a href="/projects" className="inline-flex h-8 items-center px-3 text-sm text-zinc-600 hover:text-zinc-900">
            Go to projects
          </a>
        </div>
      </div>
    </div>
  );
}
