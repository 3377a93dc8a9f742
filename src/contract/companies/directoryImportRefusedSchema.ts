import { problemSchema } from '../common/problemSchema.ts';
import { directoryImportReportSchema } from './directoryImportReportSchema.ts';

/**
 * The 422 answer of an import with refused rows (nothing written): a problem+json whose `errors`
 * name every refused line (`where: '/line/7'`), extended with the import report itself.
 */
export const directoryImportRefusedSchema = problemSchema
  .extend(directoryImportReportSchema.shape)
  .meta({ id: 'DirectoryImportRefused' });
