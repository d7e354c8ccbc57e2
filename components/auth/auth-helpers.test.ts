import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-callback';
import { signInErrorMessage } from './signin-messages';

describe('safeCallbackUrl', () => {
  it('keeps same-site paths', () => {
    expect(safeCallbackUrl('/projects/demo/taxonomy?x=1')).toBe('/projects/demo/taxonomy?x=1');
    expect(safeCallbackUrl(['/settings/tokens', '/ops'])).toBe('/settings/tokens');
  });

  it('refuses other origins, protocol-relative and backslash tricks, and loops back to sign-in', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '/signin?x',
      '/api/v1/me',
      '',
      undefined,
    ]) {
      expect(safeCallbackUrl(bad)).toBe('/projects');
    }
  });
});

describe('signInErrorMessage', () => {
  it('explains a wrong pair and a rate limit with its wait', () => {
    expect(signInErrorMessage('CredentialsSignin')).toBe('Wrong email or password.');
    expect(signInErrorMessage('RATE_LIMITED: Too many sign-in attempts. Try again in 5 minute(s).')).toBe(
      'Too many attempts, try again in 5 minutes.',
    );
    expect(signInErrorMessage('RATE_LIMITED: Try again in 1 minute(s).')).toBe('Too many attempts, try again in 1 minute.');
    expect(signInErrorMessage('RATE_LIMITED')).toBe('Too many attempts, try again in a few minutes.');
  });
});
