import { z } from 'zod';

/**
 * The roles a business account registers its contacts under (the guide's Q1/Q3 ask whether the
 * caller is one): 관리책임자 (the account's responsible manager) and 운영담당자 (day-to-day operator).
 */
export const contactRoles = ['manager', 'operator'] as const;

/** A contact's role as people read and import it. */
export const contactRoleLabels = {
  manager: '관리책임자',
  operator: '운영담당자',
} as const satisfies Record<(typeof contactRoles)[number], string>;

/** A contact role on the wire. */
export const contactRoleSchema = z.enum(contactRoles, {
  message: `담당자 구분은 ${contactRoles.join(', ')} 중 하나입니다`,
});

/** One contact role. */
export type ContactRole = z.output<typeof contactRoleSchema>;
