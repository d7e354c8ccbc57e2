// What the integration global setup hands to every test file (vitest's provide/inject).
export interface TLoupeTestContext {
  /** Server to create per-file databases on; its database name is not used. */
  databaseUrl: string;
  redisUrl: string;
  template: string;
  /** Prefix of this run's per-file database names, so a crashed run's leftovers can be found. */
  runPrefix: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    loupeTest: TLoupeTestContext;
  }
}
