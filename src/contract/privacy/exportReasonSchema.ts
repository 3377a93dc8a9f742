import { z } from 'zod';

/**
 * Why a file of personal data in clear is downloaded, kept with the export in the access log: the
 * safety-measures standard (개인정보의 안전성 확보조치 기준) has the reason for every download of
 * personal data checked, as for every single reveal.
 */
export const exportReasonSchema = z
  .string({ error: 'reason(다운로드 사유)를 입력하세요' })
  .trim()
  .min(2, { error: 'reason(다운로드 사유)를 2자 이상 입력하세요' })
  .max(500, { error: 'reason은 500자 이하여야 합니다' })
  .describe('다운로드 사유: why the file is needed, kept in the access log');
