import { AppError } from '../../errors.ts';
import type { ConsultationRow } from '../../repositories/consultationRepository.ts';

/** Why a consultation that is no longer open takes no more drafts and cannot be finished, in Korean for the agent. */
export function refuseClosedConsultation(row: Pick<ConsultationRow, 'status'>): AppError {
  return row.status === 'abandoned'
    ? new AppError(
        'conflict',
        '오래 활동이 없어 중단된(abandoned) 상담입니다. 이어서 저장할 수 없으니 새 상담을 시작하세요.',
        [{ where: '/status', message: 'abandoned' }],
      )
    : new AppError('conflict', '이미 저장된 상담입니다. 새 상담을 시작하세요.', [
        { where: '/status', message: row.status },
      ]);
}
