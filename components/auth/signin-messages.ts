/**
 * The sentence for a next-auth sign-in error. The credentials provider reports a wrong pair as
 * `CredentialsSignin` and a rate limit as an error whose message starts with `RATE_LIMITED`.
 */
export function signInErrorMessage(error: string): string {
  if (error.startsWith('RATE_LIMITED')) {
    const minutes = /(\d+)\s*minute/.exec(error)?.[1];
    return minutes
      ? `Too many attempts, try again in ${minutes} minute${minutes === '1' ? '' : 's'}.`
      : 'Too many attempts, try again in a few minutes.';
  }
  if (error === 'CredentialsSignin') return 'Wrong email or password.';
  if (error === 'OAuthAccountNotLinked' || error === 'OAuthSignin' || error === 'OAuthCallback' || error === 'Callback') {
    return 'Single sign-on did not complete. Try again or use your email and password.';
  }
  if (error === 'SessionRequired') return 'Please sign in to continue.';
  return 'Sign-in failed. Try again.';
}
