// Run before `npm start` (and by the startup bench): builds the embedded database's template — a
// PGlite data directory with every migration applied and nothing else — when this installation has
// none for its migrations and PGlite version (see src/server/db/pgliteTemplate.ts). A first start
// on a fresh data directory then copies it instead of running initdb and the migrations. Skipped
// when DATABASE_URL names a PostgreSQL database: the template is for the embedded one only.
import { pgliteTemplate } from '../src/server/db/pgliteTemplate.ts';

if (!process.env.DATABASE_URL) {
  if (!pgliteTemplate.exists()) console.log('Preparing the embedded database template …');
  await pgliteTemplate.build();
}
