// The record picker's groups: the record types grouped by the service's steps (schema.ts GROUPS),
// what the case calls for first (the open tasks' records, then the step of the case's stage), with a
// search that ignores Vietnamese accents. A type the reader may not add now is either not offered at
// all, when it makes no sense for the case (doesNotApply), or offered with what refuses it, when the
// worker can act on the refusal (checks.ts: "record a health check first"). Pure, unit-tested.
import type { RecordTypeChecks, Stage } from '../api';
import { matchesQuery } from '../fold';
import { isOffered } from './checks';
import { GROUPS, type GroupName, type RecordForm } from './schema';

/** What the case file says about the case, for the picker (none for the centre's own records). */
export interface CaseFacts {
  stage: Stage;
  /** Not a Vietnamese citizen: a nationality is known and it is not VN (the server's CaseHistory::foreign). */
  foreign: boolean;
  /** The types of the records the file holds. */
  held: ReadonlySet<string>;
}

/** The step of the service each stage is at: its records come right after those the tasks call for. */
const STAGE_STEP: Record<Stage, GroupName | null> = {
  received: 'reception',
  in_care: 'reception',
  identification: 'identification',
  assessment: 'counselling',
  planning: 'plan',
  reintegration: 'referral',
  monitoring: 'monitoring',
  repatriation: 'plan',
  closed: null,
};

/** Repatriation is for a foreign victim (I.5.a); the server's begin_repatriation says the same. */
const FOREIGN_ONLY = new Set(['repatriation_wish', 'repatriation_safety_assessment']);
/** Follow-up and closure come once she has gone home (II.8): not a lost-contact attempt while she is in the centre. */
const MONITORING_STAGES: ReadonlySet<Stage> = new Set<Stage>(['reintegration', 'monitoring', 'closed']);

/**
 * Whether a type makes no sense for the case, and so is not offered: repatriation for a Vietnamese
 * citizen; monitoring and closure before she has gone home; and a record that follows an earlier one
 * (a referral's update, a complaint's resolution, a consent's withdrawal, a need met: the form
 * requires that record) while the file holds none and the server refuses it for that. Other
 * refusals are for the worker to act on and stay in the picker with their reasons.
 */
export function doesNotApply(form: RecordForm, facts: CaseFacts, checks: RecordTypeChecks | null | undefined): boolean {
  if (FOREIGN_ONLY.has(form.type) && !facts.foreign) return true;
  if (form.group === 'monitoring' && !MONITORING_STAGES.has(facts.stage)) return true;
  const refused = checks?.items.some((c) => c.type === form.type && !c.allowed) ?? false;
  const follows = form.fields.filter((f) => f.kind === 'record' && f.required).map((f) => (f.kind === 'record' ? f.of : ''));
  return refused && follows.some((of) => !facts.held.has(of));
}

/** "called": what the open tasks call for; otherwise one of the service's steps. */
export type PickerGroupKey = 'called' | GroupName;

export interface PickerGroup<T extends string> {
  key: PickerGroupKey;
  forms: RecordForm<T>[];
}

export interface PickerInput<T extends string> {
  forms: RecordForm<T>[];
  checks?: RecordTypeChecks | null;
  /** The reader is the centre head (only she writes head-only forms, when there are no checks). */
  isHead: boolean;
  /** The case, for a case's records; none for the centre's. */
  facts?: CaseFacts;
  /** The record types the case's open tasks call for, most urgent first. */
  calledFor?: string[];
  /** What was typed in the search box, and each form's name as the reader reads it. */
  query?: string;
  label?: (form: RecordForm<T>) => string;
}

/**
 * The picker's groups, in the order they are shown: what the tasks call for, then the step of the
 * case's stage, then the other steps in the order of the service. Each type appears once, in the
 * first group that holds it; a group with nothing offered (or nothing found) is left out.
 */
export function pickerGroups<T extends string>({ forms, checks, isHead, facts, calledFor = [], query = '', label }: PickerInput<T>): PickerGroup<T>[] {
  const offered = forms.filter(
    (f) =>
      isOffered(checks, f.type, !f.headOnly || isHead) &&
      !(facts && doesNotApply(f, facts, checks)) &&
      (!query.trim() || matchesQuery(`${label ? label(f) : f.type} ${f.clauses}`, query)),
  );
  const called = calledFor.flatMap((type) => offered.filter((f) => f.type === type)).filter((f, i, all) => all.indexOf(f) === i);
  const stageStep = facts ? STAGE_STEP[facts.stage] : null;
  const steps = (Object.keys(GROUPS) as GroupName[]).filter((step) => forms.some((f) => f.group === step));
  const ordered = stageStep && steps.includes(stageStep) ? [stageStep, ...steps.filter((s) => s !== stageStep)] : steps;
  const groups: PickerGroup<T>[] = [{ key: 'called', forms: called }];
  for (const step of ordered) groups.push({ key: step, forms: offered.filter((f) => f.group === step && !called.includes(f)) });
  return groups.filter((g) => g.forms.length > 0);
}
