import ipaddr from 'ipaddr.js';

// Deny by default: only addresses ipaddr.js classes as plain public `unicast` may be fetched. That
// rules out private, loopback, link-local (169.254.169.254), unique-local (fd00:ec2::254), CGNAT,
// multicast, unspecified, broadcast, reserved/benchmarking ranges, and IPv6 forms that embed an IPv4
// address (NAT64, 6to4, Teredo); IPv4-mapped IPv6 is unwrapped and judged as IPv4.
const EXTRA_BLOCKED = new Set([
  // Azure's wire server and Alibaba's metadata service sit in ranges that are otherwise public.
  '168.63.129.16',
  '100.100.100.200',
]);

// Names some clouds answer with their metadata service, whatever the resolver says.
const BLOCKED_HOSTNAMES = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data']);

// ipaddr.js names ranges in camelCase; the reason is read by people importing files.
const RANGE_WORDS: Record<string, string> = {
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local',
  carrierGradeNat: 'carrier-grade NAT',
  ipv4Mapped: 'IPv4-mapped',
};

/** Why this resolved address may not be fetched, or null when it may. */
export function addressRefusal(address: string): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  const parsed = ipaddr.process(address);
  const normalized = parsed.toString();
  if (EXTRA_BLOCKED.has(normalized)) return `${normalized} is a cloud metadata address`;
  const range = parsed.range();
  return range === 'unicast' ? null : `${normalized} is a ${RANGE_WORDS[range] ?? range} address`;
}

/** Why this URL hostname may not be fetched before any DNS look-up, or null. */
export function hostnameRefusal(hostname: string): string | null {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return BLOCKED_HOSTNAMES.has(name) ? `${name} is a cloud metadata host` : null;
}
