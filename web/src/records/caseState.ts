// What a case file's header says, read from its records: who is on the case, who is designated
// (II.1.d), and which consents are in force (I.3.b). Pure, so that it is unit-tested under node.
// The server decides who may open a case and what may leave it; this only shows it.

export interface RecordLike {
  id: string;
  type: string;
  occurred_at: string;
  body: Record<string, unknown>;
}

export interface ConsentInForce {
  id: string;
  given_by: string;
  recipient: string;
  categories: string[];
  purposes: string[];
  expires_at: string | null;
}

export interface CaseStaffing {
  /** Staff IDs on the case, in the order they joined (the designated member of staff too). */
  assigned: string[];
  designated: string | null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Who is on the case now, as the server decides it (standards/case_history.hpp, case_staff()):
 * assigned or designated and not since released, in the order they joined; at the same time a join
 * comes before an end, so an end at or after a join wins. */
export function staffingOf(records: readonly RecordLike[]): CaseStaffing {
  const staffing = records
    .filter((r) => ['staff_assignment', 'staff_assignment_ended', 'designated_staff'].includes(r.type) && str(r.body.staff_id))
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const at = Date.parse(a.r.occurred_at) - Date.parse(b.r.occurred_at);
      if (at !== 0) return at;
      const ends = Number(a.r.type === 'staff_assignment_ended') - Number(b.r.type === 'staff_assignment_ended');
      return ends !== 0 ? ends : a.i - b.i;
    });
  const assigned: string[] = [];
  let designated: string | null = null;
  for (const { r } of staffing) {
    const id = str(r.body.staff_id);
    if (r.type === 'staff_assignment_ended') {
      const at = assigned.indexOf(id);
      if (at >= 0) assigned.splice(at, 1);
      if (designated === id) designated = null;
      continue;
    }
    if (!assigned.includes(id)) assigned.push(id);
    if (r.type === 'designated_staff') designated = id;
  }
  return { assigned, designated };
}

/** Consents given and neither withdrawn nor expired at `now`. */
export function consentsInForce(records: readonly RecordLike[], now: Date): ConsentInForce[] {
  const withdrawn = new Set(records.filter((r) => r.type === 'consent_withdrawal').map((r) => str(r.body.consent_id)));
  const out: ConsentInForce[] = [];
  for (const r of records) {
    if (r.type !== 'consent' || withdrawn.has(r.id)) continue;
    const expires = str(r.body.expires_at) || null;
    if (expires && new Date(expires).getTime() <= now.getTime()) continue;
    out.push({
      id: r.id,
      given_by: str(r.body.given_by),
      recipient: str(r.body.recipient),
      categories: strings(r.body.categories),
      purposes: strings(r.body.purposes),
      expires_at: expires,
    });
  }
  return out;
}

/** A short human label for a record another record points at (a need, a referral, a consent). */
export function recordGist(r: RecordLike): string {
  const b = r.body;
  return str(b.need) || str(b.provider) || str(b.summary) || str(b.recipient) || str(b.findings) || str(b.level) || '';
}
