// The centre head's staffing queue as she works it: for a case short of staff, the candidates by
// role, the roles it lacks first; what became of the case once she assigned someone; how long it has
// waited. Pure, unit-tested.
import type { CaseStaffRole, NewRecord, Role, ShortStaffedCase, StaffCandidate, StaffingQueue } from '../api';

export interface CandidateGroup {
  role: Role;
  /** The case lacks someone in this role. */
  needed: boolean;
  candidates: StaffCandidate[];
}

/**
 * The candidates for a case, one group per role: the roles it lacks first, in the server's order, then
 * the others (a second case worker is hers to add). Within a group, those she may pick first, each in
 * the server's order (the least loaded first); the unscreened stay in the list after them, to be seen
 * as such (III.1.b), not picked.
 */
export function candidateGroups(c: ShortStaffedCase, staff: StaffCandidate[]): CandidateGroup[] {
  const needed = new Set<Role>(c.missing);
  const roles = [...new Set(staff.map((s) => s.role))];
  roles.sort((a, b) => Number(needed.has(b)) - Number(needed.has(a)));
  return roles.map((role) => {
    const inRole = staff.filter((s) => s.role === role);
    return { role, needed: needed.has(role), candidates: [...inRole.filter((s) => s.screened), ...inRole.filter((s) => !s.screened)] };
  });
}

/** The case after an assignment, as the queue read again says: gone from it, or still short of roles. */
export type Outcome = { staffed: true } | { staffed: false; missing: CaseStaffRole[] };

export function outcomeFor(caseId: string, queue: StaffingQueue): Outcome {
  const still = queue.cases.find((c) => c.id === caseId);
  return still ? { staffed: false, missing: still.missing } : { staffed: true };
}

/** Whole days since the person was received: what "waiting" means to a head reading the queue. */
export function daysWaiting(receivedAt: string, now: Date): number {
  const ms = now.getTime() - Date.parse(receivedAt);
  return Number.isNaN(ms) || ms < 0 ? 0 : Math.floor(ms / 86_400_000);
}

/**
 * The staff_assignment record: the declaration of no conflict of interest (III.2.c) is the assigned
 * person's, confirmed by the head; the matching reason only when she wrote one (II.1.b, I.2.b).
 */
export function assignment(staffId: string, declared: boolean, matchingReason: string, at: string): NewRecord<'staff_assignment'> {
  const reason = matchingReason.trim();
  return {
    type: 'staff_assignment',
    occurred_at: at,
    body: { staff_id: staffId, no_conflict_of_interest: declared, ...(reason ? { matching_reason: reason } : {}) },
  };
}

/** A refusal the matching reason answers: the person's wishes of sex (I.2.b) or language (II.1.b). */
export function asksForMatchingReason(clause: string | undefined): boolean {
  return clause === 'I.2.b' || clause === 'II.1.b';
}
