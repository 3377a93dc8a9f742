import { type CompanyPage, companyPageSchema } from '../../../contract/companies/companyPageSchema.ts';
import { companySchema } from '../../../contract/companies/companySchema.ts';
import { directoryImportRefusedSchema } from '../../../contract/companies/directoryImportRefusedSchema.ts';
import {
  type DirectoryImportReport,
  directoryImportReportSchema,
} from '../../../contract/companies/directoryImportReportSchema.ts';
import { putCompanySchema } from '../../../contract/companies/putCompanySchema.ts';
import { ApiError } from '../../api/ApiError.ts';
import { csrfTokenStore } from '../../api/csrfTokenStore.ts';
import { requestJson } from '../../api/requestJson.ts';
import { acceptLanguage } from '../../i18n/acceptLanguage.ts';
import { translateNow } from '../../i18n/translateNow.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The business directory's requests for the admin screen. */
export const directoryApi = {
  listKey: (q: string) => ['companies', q] as const,

  list(q: string, signal?: AbortSignal): Promise<CompanyPage> {
    const query = new URLSearchParams({ limit: '50', ...(q ? { q } : {}) });
    return requestJson({ path: `/api/v1/companies?${query}`, schema: companyPageSchema, signal });
  },

  rename(bizNo: string, body: { name: string; status: 'active' | 'inactive' }) {
    return requestJson({
      method: 'PUT',
      path: `/api/v1/companies/${encodeURIComponent(bizNo)}`,
      bodySchema: putCompanySchema,
      body,
      schema: companySchema,
    });
  },

  /**
   * Sends a CSV or XLSX file as the import body. A refused import (422) is an answer here, not an
   * error: its report lists the refused lines, which is what the screen shows.
   */
  async importFile(file: File, dryRun: boolean): Promise<DirectoryImportReport> {
    const headers = new Headers({
      accept: 'application/json',
      'accept-language': acceptLanguage(),
      'content-type': file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv',
    });
    const csrfToken = csrfTokenStore.get();
    if (csrfToken) headers.set('x-csrf-token', csrfToken);
    const response = await fetch(`/api/v1/companies/import?dryRun=${dryRun}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
    const payload: unknown = await response.json().catch(() => null);
    const report = (response.ok ? directoryImportReportSchema : directoryImportRefusedSchema).safeParse(
      payload,
    );
    if (report.success) return report.data;
    const problem = directoryImportRefusedSchema.shape.detail.safeParse(
      payload !== null && typeof payload === 'object' && 'detail' in payload ? payload.detail : undefined,
    );
    throw new ApiError(
      response.status,
      'import-failed',
      problem.success
        ? problem.data
        : translateNow('admin.directory.importFailed', { status: response.status }),
    );
  },
};
