import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyFor } from './content-security-policy';

const directives = new Map(
  contentSecurityPolicy.split('; ').map((directive) => {
    const [name = '', ...sources] = directive.split(' ');
    return [name, sources];
  }),
);

describe('Content-Security-Policy', () => {
  it('loads everything from the app itself by default, scripts only from it', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it('allows no eval and no inline script anywhere', () => {
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    for (const [name, sources] of directives) {
      if (name !== 'style-src') expect(sources).not.toContain("'unsafe-inline'");
    }
  });

  it('is a single header line', () => {
    expect(contentSecurityPolicy).not.toMatch(/[\r\n]/);
  });
});

describe('Content-Security-Policy with a sync server', () => {
  const connect = (policy: string) =>
    policy
      .split('; ')
      .find((directive) => directive.startsWith('connect-src '))!
      .split(' ')
      .slice(1);

  it('lets the app connect to exactly the configured server and nowhere else', () => {
    expect(connect(contentSecurityPolicyFor('https://sync.example.gov.cn'))).toEqual([
      "'self'",
      'https://sync.example.gov.cn',
    ]);
    expect(connect(contentSecurityPolicyFor(null))).toEqual(["'self'"]);
    expect(contentSecurityPolicyFor(null)).toBe(contentSecurityPolicy);
  });

  it('changes nothing else', () => {
    const other = (policy: string) =>
      policy.split('; ').filter((directive) => !directive.startsWith('connect-src '));
    expect(other(contentSecurityPolicyFor('https://sync.example.gov.cn'))).toEqual(
      other(contentSecurityPolicy),
    );
  });
});
