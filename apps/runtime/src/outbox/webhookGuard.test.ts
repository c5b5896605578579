import { describe, expect, it } from 'vitest';
import { checkWebhook, classifyAddress, WebhookRefused, type AddressClass } from './webhookGuard.ts';

describe('classifyAddress', () => {
  const table: [string, AddressClass][] = [
    // IPv4
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
    ['172.15.255.255', 'public'],
    ['172.32.0.1', 'public'],
    ['100.63.255.255', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    // IPv6
    ['2606:4700:4700::1111', 'public'],
    ['2001:db8::1', 'public'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['fec0::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['ff02::1', 'multicast'],
    // IPv4 inside IPv6
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::FFFF:10.0.0.5', 'private'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:8.8.8.8', 'public'],
    ['0:0:0:0:0:ffff:c0a8:0101', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::10.0.0.5', 'private'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['2002:a00:5::1', 'private'],
    // not an address at all
    ['localhost', 'reserved'],
    ['', 'reserved'],
  ];
  it.each(table)('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });
});

describe('checkWebhook', () => {
  const resolvesTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('refuses a host that resolves to a non-public address, naming it and the setting that allows it', async () => {
    const refused = checkWebhook('https://hooks.example.test/x', false, resolvesTo('10.0.0.5'));
    await expect(refused).rejects.toBeInstanceOf(WebhookRefused);
    await expect(refused).rejects.toThrow('webhook address 10.0.0.5 is private; set BATON_WEBHOOK_ALLOW_PRIVATE=1 to allow it');
  });

  it('refuses when any of several answers is not public', async () => {
    await expect(checkWebhook('https://hooks.example.test/x', false, resolvesTo('93.184.216.34', '::ffff:169.254.169.254'))).rejects.toThrow(/::ffff:169\.254\.169\.254 is link-local/);
  });

  it('answers the checked address to connect to; allows private ones only when told', async () => {
    expect(await checkWebhook('https://hooks.example.test/x', false, resolvesTo('93.184.216.34'))).toMatchObject({ address: '93.184.216.34', family: 4 });
    expect(await checkWebhook('http://hooks.example.test:8080/x', true, resolvesTo('10.0.0.5'))).toMatchObject({ address: '10.0.0.5', family: 4 });
  });

  it('allows loopback receivers (this machine) without the setting, still refusing private, link-local and unspecified ones', async () => {
    expect(await checkWebhook('http://127.0.0.1:9/x', false)).toMatchObject({ address: '127.0.0.1', family: 4 });
    expect(await checkWebhook('http://[::1]:9/x', false)).toMatchObject({ address: '::1', family: 6 });
    expect((await checkWebhook('http://localhost:9/x', false)).address).toMatch(/^(127\.0\.0\.1|::1)$/);
    await expect(checkWebhook('http://[::ffff:10.1.2.3]/x', false)).rejects.toThrow(/is private/);
    await expect(checkWebhook('http://169.254.169.254/latest/meta-data', false)).rejects.toThrow('webhook address 169.254.169.254 is link-local; set BATON_WEBHOOK_ALLOW_PRIVATE=1 to allow it');
    await expect(checkWebhook('http://[fe80::1]/x', false)).rejects.toThrow(/is link-local/);
    await expect(checkWebhook('http://[fd00::1]/x', false)).rejects.toThrow(/is private/);
    await expect(checkWebhook('http://0.0.0.0:9/x', false)).rejects.toThrow(/is unspecified/);
  });

  it('refuses schemes other than http and https, even with private addresses allowed', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/x', 'gopher://example.com/', 'not a url']) {
      await expect(checkWebhook(url, true, resolvesTo('93.184.216.34'))).rejects.toBeInstanceOf(WebhookRefused);
    }
  });
});
