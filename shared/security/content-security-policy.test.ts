import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

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
