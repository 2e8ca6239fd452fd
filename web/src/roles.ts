// What each role may do, as far as the UI offers it (app/permissions.cpp is the table of record, and
// the server checks again): a button or a form a role cannot use is not shown, rather than filled in
// and refused. Pure, unit-tested.
import type { Role } from './api';

/** Those who work cases: the head, case workers and counsellors. */
export const CASE_STAFF: readonly Role[] = ['centre_head', 'case_worker', 'counsellor'];

/** register_case: receive a person (II.1.a). Not a counsellor. */
export const REGISTERS: readonly Role[] = ['centre_head', 'case_worker'];

export function mayRegister(role: Role | null | undefined): boolean {
  return !!role && REGISTERS.includes(role);
}

/** edit_reception: correct the person and the reception record. Not a counsellor. */
export function mayCorrect(role: Role | null | undefined): boolean {
  return role === 'centre_head' || role === 'case_worker';
}

/** add_record: record the service on a case (the case file's `record_types.may_add` says it too). */
export function writesRecords(role: Role | null | undefined): role is Role {
  return role === 'centre_head' || role === 'case_worker' || role === 'counsellor';
}

/** read_cases: open a case file one is on. */
export function worksCases(role: Role | null | undefined): boolean {
  return role !== null && role !== undefined && CASE_STAFF.includes(role);
}

/** Every role, in the order an account form offers them. */
const ALL_ROLES: readonly Role[] = ['case_worker', 'counsellor', 'centre_head', 'auditor', 'external_provider', 'administrator'];

/**
 * manage_staff_accounts: the roles whose accounts `role` adds, disables and enables. The administrator
 * every role; a centre head her centre's staff, never a head's, an auditor's or an administrator's
 * account (those stay with the administrator, who screens heads; the auditor checks the head's
 * centre, so the head does not choose who audits her); anyone else none.
 */
export function accountRolesManagedBy(role: Role | null | undefined): readonly Role[] {
  if (role === 'administrator') return ALL_ROLES;
  if (role === 'centre_head') return ALL_ROLES.filter((r) => r !== 'centre_head' && r !== 'auditor' && r !== 'administrator');
  return [];
}
