import { defineConfig } from 'drizzle-kit';

// The core tables live in schema.ts; each area adds its own `<area>Schema.ts` beside it.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/server/db/schema.ts', './src/server/db/*Schema.ts'],
  out: './src/server/db/migrations',
});
