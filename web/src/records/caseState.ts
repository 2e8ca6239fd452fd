// What a case file's header says of its consents, read from its records: which are in force
// (I.3.b). Pure, so that it is unit-tested under node. Who is on the case comes from the server with
// the case (staff_on_case, designated_staff); the server decides what may leave; this only shows it.

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

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

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

/** A short human label for a record another record points at (a need, a referral, a consent, a legal
 *  hold), from what was typed in it; '' for a record with none, which its readers name by type and date. */
export function recordGist(r: RecordLike): string {
  const b = r.body;
  return str(b.need) || str(b.provider) || str(b.summary) || str(b.recipient) || str(b.findings) || str(b.authority) || '';
}
