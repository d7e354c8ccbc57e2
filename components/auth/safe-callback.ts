/** Only same-site paths may be a post-sign-in destination (no `//evil.example` or `https://…`). */
export function safeCallbackUrl(value: string | string[] | null | undefined, fallback = '/projects'): string {
  const url = Array.isArray(value) ? value[0] : value;
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return fallback;
  if (url.startsWith('/signin') || url.startsWith('/api/')) return fallback;
  return url;
}
