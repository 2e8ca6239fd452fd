// What the prints say, read from the case file as the case page loaded it (GET /cases/{id}/file):
// the referral letter of a disclosure, printed when it was released or again later from its record,
// and the case summary for those on the case. No endpoint of their own: the letter says only what
// the disclosure record holds (to whom, why, which categories the consent let leave) and never more
// of the person than those categories carry. Pure, unit-tested.
import type { RecordLike } from '../disclosures/terms';
import { ENUMS } from '../records/schema';

/** A member of staff as the prints need them (the centre's staff list). */
export interface StaffLike {
  id: string;
  role: string;
  disabled: boolean;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The case's disclosures, the newest first (the case file's records come oldest first). */
export function releasedDisclosures<R extends RecordLike>(records: readonly R[]): R[] {
  return records.filter((r) => r.type === 'disclosure').reverse();
}

/** The categories a disclosure let leave, in the consent form's order; one this UI does not know last. */
export function consentedCategories(body: Record<string, unknown>): string[] {
  const asked = list(body.categories);
  const known: readonly string[] = ENUMS.category;
  return [...known.filter((c) => asked.includes(c)), ...asked.filter((c) => !known.includes(c))];
}

/** Whether the person may be named: only when their identity was among the categories that left. */
export const namesThePerson = (body: Record<string, unknown>): boolean => list(body.categories).includes('identity');

/**
 * Whom the recipient calls about the person: the member of staff the victim designated (II.1.d),
 * else a case worker on the case, else anyone on it, else whoever released it. Disabled accounts
 * are nobody's contact.
 */
export function contactPerson(
  c: { staff_on_case: readonly string[]; designated_staff: string | null },
  staff: readonly StaffLike[],
  senderId: string | undefined,
): string | undefined {
  const active = (id: string) => staff.find((s) => s.id === id && !s.disabled);
  if (c.designated_staff && active(c.designated_staff)) return c.designated_staff;
  const onCase = c.staff_on_case.map(active).filter((s): s is StaffLike => s !== undefined);
  return (onCase.find((s) => s.role === 'case_worker') ?? onCase[0])?.id ?? senderId;
}

/** A moment's local calendar day as a letter dates it, each part two digits (the year four). */
export function dayMonthYear(iso: string): { d: string; m: string; y: string } | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const two = (n: number) => String(n).padStart(2, '0');
  return { d: two(at.getDate()), m: two(at.getMonth() + 1), y: String(at.getFullYear()).padStart(4, '0') };
}

/** The last record of a type (the case file's come oldest first), or undefined. */
export function latestOf<R extends RecordLike>(records: readonly R[], type: string): R | undefined {
  for (let i = records.length - 1; i >= 0; i--) if (records[i].type === type) return records[i];
  return undefined;
}

/** What of the reintegration plan the summary carries (II.5): whether it is final, what it is for,
 *  when, the actions for each need and who provides them. The case file has the rest. */
export const PLAN_ESSENTIALS: readonly string[] = ['final', 'purposes', 'time_frame', 'actions', 'providers'];
