import {
  type ConsultationDraft,
  consultationDraftSchema,
} from '../../contract/consultations/consultationDraftSchema.ts';
import { type Consultation, consultationSchema } from '../../contract/consultations/consultationSchema.ts';
import {
  type OpenConsultationList,
  openConsultationListSchema,
} from '../../contract/consultations/openConsultationListSchema.ts';
import {
  type SaveConsultationDraftInput,
  saveConsultationDraftSchema,
} from '../../contract/consultations/saveConsultationDraftSchema.ts';
import { type Guide, guideSchema } from '../../domain/guide/guideSchema.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { requestJson } from '../api/requestJson.ts';

const consultationPath = (id: string) => `/api/v1/consultations/${encodeURIComponent(id)}`;

/** The console's requests around a call in progress: drafts, the open calls to resume, a call's status. */
export const consoleApi = {
  openConsultationsKey: ['consultations', 'mine', 'open'] as const,

  /** The agent's calls still in progress, newest first, each with its draft ("이어서 진행"). */
  openConsultations(signal?: AbortSignal): Promise<OpenConsultationList> {
    return requestJson({ path: '/api/v1/consultations/open', schema: openConsultationListSchema, signal });
  },

  draft(id: string): Promise<ConsultationDraft> {
    return requestJson({ path: `${consultationPath(id)}/draft`, schema: consultationDraftSchema });
  },

  saveDraft(id: string, body: SaveConsultationDraftInput): Promise<ConsultationDraft> {
    return requestJson({
      method: 'PUT',
      path: `${consultationPath(id)}/draft`,
      bodySchema: saveConsultationDraftSchema,
      body,
      schema: consultationDraftSchema,
    });
  },

  consultation(id: string): Promise<Consultation> {
    return requestJson({ path: consultationPath(id), schema: consultationSchema });
  },

  /**
   * The guide a resumed call runs on, by id (the same query the console's guide loading uses) or,
   * with `version`, as it was at that version: a call resumes on the version it started on, which
   * the server saves it on after a restart has loaded a newer one.
   */
  guideQuery(id: string, version?: string) {
    const path = `/api/v1/guides/${encodeURIComponent(id)}`;
    return {
      queryKey: version === undefined ? queryKeys.guide(id) : queryKeys.guideVersion(id, version),
      queryFn: ({ signal }: { signal?: AbortSignal }): Promise<Guide> =>
        requestJson({
          path: version === undefined ? path : `${path}?version=${encodeURIComponent(version)}`,
          schema: guideSchema,
          signal,
        }),
      staleTime: 5 * 60_000,
    };
  },
};
