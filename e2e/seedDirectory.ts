// Puts the business-directory entry the CTI spec expects (e2e/ctiPop.spec.ts) into a fresh e2e data
// directory, before its server starts: (주)누리테크 with 관리책임자 김민수 at 010-2345-6789.
// Usage (env as the server's: IEUM_DATA_DIR): node e2e/seedDirectory.ts

import { createLogger } from '../src/server/createLogger.ts';
import { createLoggedFieldCodec } from '../src/server/crypto/createLoggedFieldCodec.ts';
import { loadFieldKeys } from '../src/server/crypto/loadFieldKeys.ts';
import { openDatabase } from '../src/server/db/openDatabase.ts';
import { readEnv } from '../src/server/env.ts';
import { companyRepository } from '../src/server/repositories/companyRepository.ts';
import { checkEncryptionKeys } from '../src/server/services/keys/checkEncryptionKeys.ts';
import { e2eDirectory } from './e2eDirectory.ts';

const env = readEnv();
const keys = loadFieldKeys(env);
const database = await openDatabase({ kind: 'pglite', dataDir: env.IEUM_DATA_DIR });
try {
  const now = new Date();
  await checkEncryptionKeys(database.db, keys, now);
  const codec = createLoggedFieldCodec(keys, createLogger('warn', process.stderr));
  const company = await companyRepository.insert(
    database.db,
    { bizNo: e2eDirectory.bizNo, name: e2eDirectory.companyName, status: 'active' },
    now,
  );
  await companyRepository.insertContacts(
    database.db,
    codec,
    [
      {
        companyId: company.id,
        name: e2eDirectory.contactName,
        role: 'manager',
        phones: [e2eDirectory.phone],
        emails: [],
      },
    ],
    now,
  );
} finally {
  await database.close();
}
