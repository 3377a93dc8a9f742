import {
  type ContactRole,
  contactRoleLabels,
  contactRoles,
} from '../../contract/companies/contactRoleSchema.ts';

/**
 * Reads a contact role as written in a file: the Korean label (관리책임자, 운영담당자; spacing
 * ignored) or the API's id (manager, operator). Null for anything else.
 */
export function parseContactRole(input: string): ContactRole | null {
  const text = input.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return contactRoles.find((role) => role === text || contactRoleLabels[role] === text) ?? null;
}
