import { describe, expect, it } from 'vitest';
import { testRuntime } from '../testing/testApp.ts';
import { auditRefusal, checkWebhook, classifyAddress, WebhookRefused, type AddressClass } from './webhookGuard.ts';

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
    ['2001:4860:4860::8888', 'public'],
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
    // IANA special-purpose ranges that are not globally reachable
    ['198.18.0.1', 'reserved'], // benchmarking 198.18.0.0/15
    ['198.19.255.254', 'reserved'],
    ['198.20.0.1', 'public'],
    ['192.0.0.1', 'reserved'], // IETF protocol assignments 192.0.0.0/24
    ['192.0.0.170', 'reserved'], // NAT64/DNS64 discovery
    ['192.0.2.1', 'reserved'], // documentation TEST-NET-1
    ['198.51.100.7', 'reserved'], // TEST-NET-2
    ['203.0.113.9', 'reserved'], // TEST-NET-3
    ['192.88.99.1', 'reserved'], // deprecated 6to4 relay anycast
    ['0.0.0.1', 'unspecified'],
    ['100.127.255.255', 'private'], // shared address space, top
    ['100.128.0.0', 'public'],
    ['::ffff:0:1.2.3.4', 'reserved'], // IPv4-translated ::ffff:0:0/96
    ['::ffff:0:8.8.8.8', 'reserved'],
    ['64:ff9b:1::1', 'reserved'], // local-use IPv4/IPv6 translation 64:ff9b:1::/48
    ['64:ff9b:1::8.8.8.8', 'reserved'],
    ['2001:db8::1', 'reserved'], // documentation 2001:db8::/32
    ['3fff::1', 'reserved'], // documentation 3fff::/20
    ['2001:2::1', 'reserved'], // benchmarking 2001:2::/48
    ['2001::1', 'reserved'], // Teredo and IETF protocol assignments 2001::/23
    ['2001:10::1', 'reserved'], // deprecated ORCHID
    ['100::1', 'reserved'], // discard-only 100::/64
    ['100:0:0:1::1', 'reserved'], // dummy prefix, outside 2000::/3
    ['5f00::1', 'reserved'], // SRv6 SIDs
    ['4000::1', 'reserved'], // unassigned, outside 2000::/3
    ['::7f00:1', 'loopback'], // the old IPv4-compatible form, hex tail
    // ranges the registry marks globally reachable
    ['192.31.196.1', 'public'], // AS112
    ['192.175.48.1', 'public'], // AS112 direct delegation
    ['192.52.193.1', 'public'], // AMT
    ['2001:4:112::1', 'public'], // AS112-v6
    ['2001:20::1', 'public'], // ORCHIDv2
    ['2620:4f:8000::1', 'public'], // AS112-v6 direct delegation
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

  it('refuses the special-purpose ranges a public-looking name may resolve to', async () => {
    for (const address of ['198.18.0.1', '192.0.0.1', '192.0.2.1', '::ffff:0:10.0.0.1', '64:ff9b:1::a00:1', '2001:db8::1', '100::1']) {
      await expect(checkWebhook('https://hooks.example.test/x', false, resolvesTo(address)), address).rejects.toThrow(`webhook address ${address} is reserved`);
    }
  });

  it('refuses schemes other than http and https, even with private addresses allowed', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/x', 'gopher://example.com/', 'not a url']) {
      await expect(checkWebhook(url, true, resolvesTo('93.184.216.34'))).rejects.toBeInstanceOf(WebhookRefused);
    }
  });
});

describe('auditRefusal', () => {
  it('records each refusal as <purpose>.refused with the reason, the address and the host, never the path or query', async () => {
    const t = await testRuntime();
    const url = 'https://feeds.example.test/secret-path?token=abc';
    const refused = await checkWebhook(url, false, async () => [{ address: '198.18.0.1', family: 4 }]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WebhookRefused);
    auditRefusal(t.app.rt, refused as WebhookRefused, { purpose: 'source', url, target: 'source:news' });
    const [entry] = (await t.admin('GET', '/api/audit?action=source.refused')).body.entries;
    expect(entry).toMatchObject({ action: 'source.refused', actor: null, target: 'source:news', data: { reason: 'reserved', address: '198.18.0.1', host: 'feeds.example.test' } });
    expect(JSON.stringify(entry)).not.toContain('secret-path');
    expect(JSON.stringify(entry)).not.toContain('token=abc');
  });
});
