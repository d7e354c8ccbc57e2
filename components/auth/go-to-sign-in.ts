/** To the sign-in page, which comes back to this page afterwards (an expired session). */
export function goToSignIn() {
  const back = window.location.pathname + window.location.search;
  window.location.assign(`/signin?callbackUrl=${encodeURIComponent(back)}`);
}
