// No duplicate from a retry (issue 18): a registration or a record whose answer was lost (a dropped
// connection, a server stopped after its commit) may be stored already, and pressing save again must
// not store it twice. Each submission of a form carries an Idempotency-Key; sent again (the retry
// after signing in again, or save pressed again with the form unchanged) it carries the same key and
// the very same body, time of saving included, which the server answers with what the first made.
// Once the form changes, or the server has answered (stored, or refused: nothing was stored, and the
// next attempt is saved at its own moment), the next one is new. Pure, unit-tested.

/** A body to send and the key that names its submission. */
export interface Submitted<B> {
  body: B;
  key: string;
}

/** A random key. randomUUID exists only in a secure context; a server reached over plain HTTP on a
 * shelter's own network is not one, and getRandomValues is there too. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export class Submission<B> {
  private last: (Submitted<B> & { content: string }) | null = null;

  constructor(private readonly newKey: () => string = newIdempotencyKey) {}

  /**
   * What to send for the form as it stands (`content`: all it holds): the last submission again when
   * the form is as it was then and it was not stored, else a new body (`makeBody`) with a new key.
   */
  next(content: unknown, makeBody: () => B): Submitted<B> {
    const json = JSON.stringify(content);
    if (this.last?.content !== json) this.last = { content: json, body: makeBody(), key: this.newKey() };
    return { body: this.last.body, key: this.last.key };
  }

  /**
   * Whether the form as it stands (`content`) is the last submission, sent and not known to be
   * answered (its answer was lost, or the server failed): saving it again must send that one again,
   * as it was, and ask nothing first that could change it (a check before registering).
   */
  pending(content: unknown): boolean {
    return this.last !== null && this.last.content === JSON.stringify(content);
  }

  /**
   * The server answered the submission: stored it, or refused it with `status` (nothing stored). The
   * form's next submission is another, unless this one's fate is unknown (a lost answer, a server
   * error): sent again, it must be recognised.
   */
  answered(status?: number): void {
    if (status === undefined || !outcomeUnknown(status)) this.last = null;
  }
}

/** Whether a request answered `status` (0: no answer at all) may have been stored all the same. */
export function outcomeUnknown(status: number): boolean {
  return status === 0 || status >= 500;
}
