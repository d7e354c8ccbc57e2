'use client';

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError } from '@/lib/api/client';
import { goToSignIn } from './auth/go-to-sign-in';

// A 401 from the API mid-session means the session expired: go sign in and come back here.
function onApiError(error: unknown) {
  if (error instanceof ApiError && error.status === 401 && typeof window !== 'undefined') goToSignIn();
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError: onApiError }),
        mutationCache: new MutationCache({ onError: onApiError }),
        defaultOptions: {
          queries: {
            staleTime: 10_000,
            // 4xx answers will not change on retry; only retry what may be transient.
            retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
          },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
