import { lookup } from 'node:dns/promises';
import net from 'node:net';

// Addresses a webhook must not reach unless the operator allows it: this host, the private network
// and cloud metadata services (169.254.169.254). An admin's URL would otherwise make the server
// POST into places only it can reach (server-side request forgery).
const privateNetworks = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  privateNetworks.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  privateNetworks.addSubnet(prefix, bits, 'ipv6');

/** Whether an IP address is loopback, private, link-local or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return privateNetworks.check(mapped[1], 'ipv4');
  const family = net.isIP(bare);
  if (family === 4) return privateNetworks.check(bare, 'ipv4');
  if (family === 6) return privateNetworks.check(bare, 'ipv6');
  return false;
}

/**
 * Checks a webhook URL as written (when a subscription is saved): its host must not be an IP
 * literal in a private range, nor `localhost`. Names are resolved at delivery (`resolvesPrivate`).
 * True when the URL must be refused; the caller words why from the catalogue (`webhooks.privateTarget`,
 * which names the setting that allows it) in the caller's language.
 */
export function isPrivateWebhookUrl(url: string, allowPrivate: boolean): boolean {
  if (allowPrivate) return false;
  // 'localhost.' (a fully qualified name) is localhost too.
  const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host);
}

/**
 * At delivery: whether the URL's host name resolves to a private address (a public-looking name
 * pointed at 127.0.0.1, or re-pointed after the subscription was saved). A name that does not
 * resolve is left to the request itself, which fails and is retried.
 */
export async function resolvesPrivate(url: string, allowPrivate: boolean): Promise<boolean> {
  if (allowPrivate) return false;
  if (isPrivateWebhookUrl(url, false)) return true;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) return false;
  try {
    const addresses = await lookup(host, { all: true });
    return addresses.some((entry) => isPrivateAddress(entry.address));
  } catch {
    return false;
  }
}
