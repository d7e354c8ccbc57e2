'use client';

import { goToSignIn } from '../auth/go-to-sign-in';
import { Button } from '../ui/button';
import { Notice } from '../ui/states';

/**
 * A save answered 401: the session expired. The work is in the local draft, so signing in again and
 * coming back here restores and saves it (useAnnotationEditor).
 */
export function SignedOutNotice() {
  return (
    <Notice tone="warning">
      <span className="block font-medium">Your session has expired.</span>
      <span className="block">Your labels are kept on this device: sign in again and they are saved.</span>
      <Button size="sm" className="mt-2" onClick={goToSignIn}>
        Sign in again
      </Button>
    </Notice>
  );
}
