import type { Locale } from '../../contract/users/localeSchema.ts';
import { ApiError } from '../api/ApiError.ts';
import { translate } from '../i18n/translate.ts';

// The body's reason, wherever the server's problem places it ('/reason', 'body/reason').
const reasonField = /(^|\/)reason$/;

/**
 * Words a refused export for the dialog, in the user's language: a refused reason and too many
 * requests from this app's catalogue (the contract's field messages are Korean only); anything else
 * as the server (in the request's language) or downloadCsv (network) worded it.
 */
export function describeExportFailure(error: Error, locale: Locale): string {
  if (!(error instanceof ApiError)) return error.message;
  if (error.status === 400 && error.errors.some((problem) => reasonField.test(problem.where))) {
    return translate(locale, 'common.exportReason.invalid');
  }
  if (error.status === 429) return translate(locale, 'common.exportReason.tooMany');
  return error.detail;
}
