// The self-assessment in states: each line met, not met, pending, enforced by Haven, a manual item
// not yet assessed, or with no data yet; and those counted by part of the standard (I, II, III). A
// manual line is met or not met once the head assessed it within the period. Pure, unit-tested
// (tests/unit/assessment-summary.test.mjs).
import type { ManualAssessment, SelfAssessmentLine } from '../api';

export type LineState = 'met' | 'not_met' | 'pending' | 'enforced' | 'manual' | 'none';

/** The summary's columns, in the order they are read. */
export const LINE_STATES: readonly LineState[] = ['met', 'not_met', 'pending', 'enforced', 'manual', 'none'];

export interface Period {
  /** YYYY-MM-DD, whole days as the server counts them (UTC). */
  from: string;
  to: string;
}

/** The head's assessment of a manual line when she made it within the period, else null. */
export function assessedInPeriod(line: Pick<SelfAssessmentLine, 'assessed'>, period: Period): ManualAssessment | null {
  const a = line.assessed ?? null;
  if (!a) return null;
  const day = a.occurred_at.slice(0, 10);
  return day >= period.from && day <= period.to ? a : null;
}

/** A line's state: not met when anything it counts is overdue or not met; met when all it counts is. */
export function lineState(line: SelfAssessmentLine, period: Period): LineState {
  if (line.basis === 'enforced') return 'enforced';
  if (line.basis === 'manual') {
    const a = assessedInPeriod(line, period);
    return a ? a.verdict : 'manual';
  }
  if (line.overdue + line.not_met > 0) return 'not_met';
  if (line.pending > 0) return 'pending';
  if (line.met > 0) return 'met';
  return 'none';
}

/** The part of the standard a clause is in: "II" for "II.3.a". */
export function partOf(clause: string): string {
  return clause.split('.')[0] ?? clause;
}

export type Counts = Record<LineState, number>;

export interface PartSummary {
  /** "I", "II", "III", …; null for the whole standard. */
  part: string | null;
  counts: Counts;
  lines: number;
}

const none = (): Counts => ({ met: 0, not_met: 0, pending: 0, enforced: 0, manual: 0, none: 0 });

/** Each part's lines by state, in the standard's order of parts, then the whole. */
export function summarise(lines: SelfAssessmentLine[], period: Period): PartSummary[] {
  const parts = new Map<string, PartSummary>();
  const whole: PartSummary = { part: null, counts: none(), lines: 0 };
  for (const line of lines) {
    const part = partOf(line.clause);
    let p = parts.get(part);
    if (!p) parts.set(part, (p = { part, counts: none(), lines: 0 }));
    const state = lineState(line, period);
    p.counts[state]++;
    p.lines++;
    whole.counts[state]++;
    whole.lines++;
  }
  const order = (part: string) => ['I', 'II', 'III', 'IV', 'V'].indexOf(part) >>> 0;
  return [...[...parts.values()].sort((a, b) => order(a.part ?? '') - order(b.part ?? '') || (a.part ?? '').localeCompare(b.part ?? '')), whole];
}
