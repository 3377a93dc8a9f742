import { z } from 'zod';

/** Whether a business account is current ('active') or ended ('inactive'; its contacts are kept until retention ends). */
export const companyStatuses = ['active', 'inactive'] as const;

/** A company status on the wire. */
export const companyStatusSchema = z.enum(companyStatuses, {
  message: `상태는 ${companyStatuses.join(', ')} 중 하나입니다`,
});

/** One company status. */
export type CompanyStatus = z.output<typeof companyStatusSchema>;
