/**
 * The origin policy as a table: which page URLs and `Origin` headers each kind of
 * `allowedOrigins` entry admits — wildcards against longer hosts, apex, scheme and port rules,
 * IPv6, trailing dots, case.
 */
import { describe, expect, it } from 'vitest';
import { createOriginPolicy } from '../../src/server/origin-policy.js';
import { SignerError } from '../../src/server/index.js';

/** What the policy does with `url`: 'signs', or the status of its refusal. */
function outcome(rules: readonly string[], url: string): 'signs' | number {
  try {
    createOriginPolicy(rules, 4096).check(url);
    return 'signs';
  } catch (error) {
    if (error instanceof SignerError) return error.status;
    throw error;
  }
}

describe('page URLs', () => {
  it.each([
    // Wildcards: subdomains at any depth, never the apex, never a longer host that merely ends alike.
    [['*.shop.example.com'], 'https://a.shop.example.com/', 'signs'],
    [['*.shop.example.com'], 'https://a.b.shop.example.com/x', 'signs'],
    [['*.shop.example.com'], 'https://shop.example.com/', 403],
    [['*.shop.example.com'], 'https://evilshop.example.com/', 403],
    [['*.shop.example.com'], 'https://a.shop.example.com.evil.example/', 403],
    [['*.shop.example.com'], 'https://example.com/', 403],
    // Hosts: exactly that host, either scheme, any port; not its subdomains, not a longer host.
    [['example.com'], 'https://example.com/', 'signs'],
    [['example.com'], 'http://example.com:8080/', 'signs'],
    [['example.com'], 'https://www.example.com/', 403],
    [['example.com'], 'https://notexample.com/', 403],
    [['example.com'], 'https://example.com.evil.example/', 403],
    // Host with a port: that port only, either scheme.
    [['example.com:8443'], 'https://example.com:8443/', 'signs'],
    [['example.com:8443'], 'http://example.com:8443/', 'signs'],
    [['example.com:8443'], 'https://example.com/', 403],
    // Origins: scheme and port must match; no port means the scheme's default.
    [['https://example.com'], 'https://example.com/', 'signs'],
    [['https://example.com'], 'https://example.com:443/', 'signs'],
    [['https://example.com'], 'http://example.com/', 403],
    [['https://example.com'], 'https://example.com:8443/', 403],
    [['http://example.com'], 'http://example.com:80/a', 'signs'],
    [['http://example.com'], 'http://example.com:8080/', 403],
    [['https://example.com:8443'], 'https://example.com:8443/', 'signs'],
    [['https://example.com:8443'], 'http://example.com:8443/', 403],
    [['https://example.com:8443'], 'https://example.com/', 403],
    [['https://*.example.com'], 'https://a.example.com/', 'signs'],
    [['https://*.example.com'], 'http://a.example.com/', 403],
    // IPv6 literals.
    [['[::1]'], 'http://[::1]:5173/', 'signs'],
    [['[::1]'], 'http://[::2]/', 403],
    [['http://[::1]:5173'], 'http://[::1]:5173/', 'signs'],
    [['http://[::1]:5173'], 'http://[::1]:5174/', 403],
    // Trailing dots name another host than the rule's.
    [['example.com'], 'https://example.com./', 403],
    [['*.example.com'], 'https://a.example.com./', 403],
    // Case does not matter in scheme and host.
    [['example.com'], 'HTTPS://EXAMPLE.COM/Pay', 'signs'],
    [['*.Example.COM'], 'https://A.example.com/', 'signs'],
    // Not an absolute http(s) URL: 400.
    [['example.com'], 'ftp://example.com/', 400],
    [['example.com'], '//example.com/', 400],
    [['example.com'], 'https://user@example.com/', 400],
  ] as const)('%j: %s → %s', (rules, url, expected) => {
    expect(outcome(rules, url)).toBe(expected);
  });
});

describe('Origin headers', () => {
  it.each([
    [['*.shop.example.com'], 'https://a.shop.example.com', true],
    [['*.shop.example.com'], 'https://evilshop.example.com', false],
    [['https://example.com'], 'https://example.com', true],
    [['https://example.com'], 'http://example.com', false],
    [['https://example.com'], 'https://example.com:8443', false],
    [['example.com'], 'null', false],
    [['example.com'], 'https://example.com.', false],
    [['[::1]'], 'http://[::1]:5173', true],
    [['example.com'], 'https://example.com/path', false],
  ] as const)('%j: %s → %s', (rules, origin, expected) => {
    expect(createOriginPolicy(rules, 4096).allowsOrigin(origin)).toBe(expected);
  });
});

describe('rules', () => {
  it.each(['', 'https://example.com/path', 'ftp://example.com', '*example.com', 'user@example.com'])(
    'refuses the entry %j with invalid_param',
    (entry) => {
      expect(() => createOriginPolicy([entry], 4096)).toThrow(/allowedOrigins\[\]/);
    },
  );
});
