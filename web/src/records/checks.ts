// Checks before typing (issue 18): the case file says, for each record type, whether the reader may
// add it now and, if not, every rule that refuses it whatever is typed (GET /cases/{id}/record-types,
// the file's `record_types`). The record form reads it before anyone types: a refused type is marked
// in the picker, its refusals are shown above its form, and its fields stay closed, unless the centre
// head may pass over every one of them with a reason, as she may a lifecycle move's (MoveBar). Pure,
// unit-tested.
import type { Refusal, RecordTypeChecks } from '../api';

/** What may be done with a record type now. */
export type Standing =
  | { kind: 'allowed' }
  /** Refused now: every refusing rule; `overridable`, the reader may pass over all of them with a reason. */
  | { kind: 'refused'; refusals: Refusal[]; overridable: boolean };

const ALLOWED: Standing = { kind: 'allowed' };

/**
 * The standing of `type` for the reader. A type the checks do not list (or no checks at all, from a
 * server without them) is left to the server's answer at saving. `mayOverride`: the reader may pass
 * over a refusal that allows judgement (the file's `actions.may_override`: the centre head).
 */
export function standingOf(checks: RecordTypeChecks | null | undefined, type: string, mayOverride: boolean): Standing {
  const item = checks?.items.find((c) => c.type === type);
  if (!item || item.allowed) return ALLOWED;
  const refusals = item.refusals;
  return { kind: 'refused', refusals, overridable: mayOverride && refusals.length > 0 && refusals.every((r) => r.overridable) };
}

/**
 * Whether the picker offers a type at all: the checks list every type the reader's role may post
 * (a type it never writes, such as a staffing record for anyone but the head, is not listed); without
 * them, as the form says (`byRole`: e.g. not a head-only form to someone else).
 */
export function isOffered(checks: RecordTypeChecks | null | undefined, type: string, byRole: boolean): boolean {
  return checks ? checks.items.some((c) => c.type === type) : byRole;
}

/** Whether the form's fields and its save stay closed: refused, and not for this reader to pass over. */
export function isBlocked(standing: Standing): boolean {
  return standing.kind === 'refused' && !standing.overridable;
}

/**
 * Whether the case page offers to add records at all: as the file says when it says (`may_add` is
 * false for a role that adds none), else by role, as before the file said it (`writesRecords`).
 */
export function mayAddRecords(checks: RecordTypeChecks | null | undefined, writesRecords: boolean): boolean {
  return checks ? checks.may_add : writesRecords;
}
