import { lookup } from 'node:dns/promises';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { isPrivateAddress, isPrivateWebhookUrl, resolvesPrivate } from './checkWebhookTarget.ts';

describe('webhook targets', () => {
  it('classifies loopback, private, link-local and mapped addresses as private, public ones not', () => {
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd12::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '100.64.0.1',
    ])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ['8.8.8.8', '172.32.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it('refuses a URL naming this host, and lets everything through when allowed', async () => {
    expect(isPrivateWebhookUrl('http://LOCALHOST:8080/x', false)).toBe(true);
    expect(isPrivateWebhookUrl('http://api.localhost/x', false)).toBe(true);
    expect(isPrivateWebhookUrl('https://crm.example.com/x', false)).toBe(false);
    expect(isPrivateWebhookUrl('http://127.0.0.1/x', true)).toBe(false);
    expect(isPrivateWebhookUrl('http://localhost./x', false)).toBe(true);
    expect(await resolvesPrivate('http://localhost./x', false)).toBe(true);
    expect(await resolvesPrivate('http://127.0.0.1/x', true)).toBe(false);
  });

  // This machine's own name usually resolves to loopback (/etc/hosts); a webhook URL using it would
  // pass the text check when saved, and is stopped at delivery by resolving it.
  const hostResolvesToLoopback = lookup(os.hostname()).then(
    (found) => found.address.startsWith('127.'),
    () => false,
  );
  it('refuses at delivery a name that resolves to a private address', async () => {
    if (!(await hostResolvesToLoopback)) return;
    expect(isPrivateWebhookUrl(`http://${os.hostname()}/x`, false)).toBe(false);
    expect(await resolvesPrivate(`http://${os.hostname()}/x`, false)).toBe(true);
  });
});
