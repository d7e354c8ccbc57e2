/** Region ids only need to be unique within the annotation; random bytes work without a secure context. */
export function newRegionId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
}
