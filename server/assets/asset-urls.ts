// Media URLs the client fetches. A derivative URL carries a prefix of its content hash, so a
// regenerated file gets a new URL and the year-long immutable cache never serves a stale one.

export function assetContentUrl(projectId: string, assetId: string): string {
  return `/api/v1/projects/${projectId}/assets/${assetId}/content`;
}

export function derivativeUrl(
  projectId: string,
  assetId: string,
  derivative: { kind: string; variant: string; blobSha256: string },
): string {
  const query = new URLSearchParams();
  if (derivative.variant) query.set('variant', derivative.variant);
  query.set('v', derivative.blobSha256.slice(0, 12));
  return `/api/v1/projects/${projectId}/assets/${assetId}/derivatives/${derivative.kind.toLowerCase()}?${query}`;
}
