import { describe, expect, it } from 'vitest';
import { DEV_SECRET, oidcEnabled, parseEnv } from './env';

describe('env', () => {
  it('runs a fresh clone with no configuration', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toMatch(/^postgresql:\/\//);
    expect(env.NEXTAUTH_SECRET).toBe(DEV_SECRET);
    expect(oidcEnabled(env)).toBe(false);
  });

  it('refuses to start in production with the default secret', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/NEXTAUTH_SECRET must be set/);
    expect(parseEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'a-real-secret-of-32-characters!!' }).NODE_ENV).toBe('production');
  });

  it('names every bad variable', () => {
    expect(() => parseEnv({ DATABASE_URL: 'not a url', MAX_JSON_BODY_BYTES: '-1' })).toThrow(
      /DATABASE_URL[\s\S]*MAX_JSON_BODY_BYTES/,
    );
  });

  it('switches OIDC on only when issuer, client id and secret are all set', () => {
    const partial = parseEnv({ OIDC_ISSUER: 'https://id.example.com', OIDC_CLIENT_ID: 'loupe' });
    expect(oidcEnabled(partial)).toBe(false);
    expect(oidcEnabled({ ...partial, OIDC_CLIENT_SECRET: 's' })).toBe(true);
  });
});
