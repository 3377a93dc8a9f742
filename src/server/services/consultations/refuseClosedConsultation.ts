import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import type { ConsultationRow } from '../../repositories/consultationRepository.ts';

/** Why a consultation that is no longer open takes no more drafts and cannot be finished, in Korean for the agent. */
export function refuseClosedConsultation(row: Pick<ConsultationRow, 'status'>): AppError {
  return row.status === 'abandoned'
    ? new AppError('conflict', msg('consultations.abandoned'), [{ where: '/status', message: 'abandoned' }])
    : new AppError('conflict', msg('consultations.alreadySaved'), [
        { where: '/status', message: row.status },
      ]);
}
