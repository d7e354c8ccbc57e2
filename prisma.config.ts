import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';
import { DEFAULT_DATABASE_URL, poolConfigFromUrl } from './server/db-url';

// schema.prisma reads env("DATABASE_URL"); without it the CLI cannot read the schema's config and
// falls back to downloading a native engine, which fails offline. So a default is set here first.
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;

// The native schema engine cannot be downloaded here, so the CLI runs the WebAssembly engine
// through the pg adapter. The pool takes an object (not a URL) so shadow databases resolve.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaPg(poolConfigFromUrl(process.env.DATABASE_URL!)),
});
