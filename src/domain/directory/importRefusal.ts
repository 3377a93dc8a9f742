import type { DirectoryField } from './directoryFields.ts';

/** Why a directory row (or one field of a contact written through the API) was refused. */
export type ImportRefusal =
  | { code: 'missing-field'; field: DirectoryField }
  | { code: 'too-long'; field: DirectoryField; max: number }
  | { code: 'too-many'; field: 'phones' | 'emails'; max: number }
  | { code: 'biz-no-format' }
  | { code: 'biz-no-checksum' }
  | { code: 'bad-phone'; value: number }
  | { code: 'business-phone'; value: number }
  | { code: 'bad-email'; value: number }
  | { code: 'bad-role' }
  | { code: 'company-name-mismatch'; firstLine: number }
  | { code: 'duplicate-contact'; firstLine: number }
  /** The `value`-th phone is already another contact's of the same company, on `firstLine`. */
  | { code: 'shared-phone'; value: number; firstLine: number };
