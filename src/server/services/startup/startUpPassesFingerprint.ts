import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';
import { projectRoot } from '../../projectRoot.ts';
import type { GuideCatalog } from '../guides/loadGuideCatalog.ts';

// Bump when what the passes do changes in a way the files below do not show.
const FORMAT = 'start-up-passes/1';

// The code that decides what the start-up passes look for and write: the key check, the guide
// versions kept, the default guide's assignment, the sealing of what earlier versions left in clear, and the registry of
// sealed columns with the cipher prefix that tells sealed from clear.
const PASS_SOURCES = [
  'src/server/services/keys/checkEncryptionKeys.ts',
  'src/server/repositories/encryptionKeyRepository.ts',
  'src/server/services/guides/assignDefaultGuide.ts',
  'src/server/services/guides/recordGuideVersions.ts',
  'src/server/repositories/guideVersionRepository.ts',
  'src/server/repositories/guideAssignmentRepository.ts',
  'src/server/services/privacy/sealLegacyAccessLogReasons.ts',
  'src/server/repositories/auditRepository.ts',
  'src/server/services/keys/resealClearValues.ts',
  'src/server/services/keys/rewriteSealedRow.ts',
  'src/server/services/keys/rotatedTables.ts',
  'src/server/repositories/sealedTables.ts',
  'src/server/crypto/encryptField.ts',
];

/**
 * What the start-up passes (checkEncryptionKeys, recordGuideVersions, assignDefaultGuide,
 * sealLegacyAccessLogReasons, resealClearValues) depend on besides the data: their code, every
 * configured key (current and previous) and the guides' texts with the default one. A clean stop
 * records it (CleanStop); a restart with nothing written since and the same fingerprint has
 * nothing for them to do, while a new key, another or an edited guide, another default guide, or
 * a change to their code runs them again.
 */
export function startUpPassesFingerprint(keys: FieldKeys, guides: GuideCatalog): string {
  const hash = createHash('sha256').update(`${FORMAT}\n`);
  for (const file of PASS_SOURCES)
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(new URL(file, projectRoot)));
  for (const key of keys.all) hash.update(`key ${key.keyId} ${key.fingerprint}\n`);
  hash.update(`current ${keys.fingerprint}\n`);
  // A guide's text, not only its id: an edited guide (a new version) is recorded at the next start.
  for (const guide of guides.list())
    hash.update(`guide ${guide.id} ${guides.source(guide.id)?.sha256 ?? ''}\n`);
  hash.update(`default ${guides.defaultGuide().id}\n`);
  return hash.digest('hex');
}
