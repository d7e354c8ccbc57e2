'use client';

import { useEffect } from 'react';

/** While `pending`, closing or reloading the tab asks first (the browser shows its own prompt). */
export function useUnsavedChangesWarning(pending: boolean) {
  useEffect(() => {
    if (!pending) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [pending]);
}
