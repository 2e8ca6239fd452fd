// What someone types into a form is kept on the server as a draft (docs/security.md, "Drafts"),
// never in the browser's storage: a couple of seconds after the typing stops, not on every key, one
// request at a time, the newest text winning. A form emptied again takes its draft away. Pure (the
// requests and the timer are handed in), unit-tested under node.

/** How long after the last change the draft is sent. */
export const DRAFT_DELAY_MS = 2_000;

export type DraftSaveState =
  | { kind: 'none' }
  | { kind: 'saved'; savedAt: string }
  /** Not kept: the server's problem, shown beside the form; tried again at the next change. */
  | { kind: 'failed'; error: unknown };

export interface DraftRequests<T> {
  /** Keeps `content` as the form's draft; resolves with the moment the server kept it. */
  save: (content: T) => Promise<string>;
  remove: () => Promise<void>;
}

export interface Timer {
  set: (run: () => void, ms: number) => unknown;
  clear: (timer: unknown) => void;
}

export class DraftSaver<T> {
  /** What the form holds now, as sent (JSON); null when blank. */
  private wanted: { json: string; content: T } | null = null;
  /** What the server holds as far as the page knows (JSON); null when none. */
  private held: string | null = null;
  /** The server may hold a draft the page does not know the text of (one found, or a save whose answer was lost). */
  private mayHold = false;
  /** The form's state (JSON, or null: blank) whose sending failed: not tried again until it changes. */
  private failed: string | null | undefined = undefined;
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private paused = true;
  /** The form is gone: nothing more is sent, whatever answers come. */
  private stopped = false;

  constructor(
    private readonly requests: DraftRequests<T>,
    private readonly onState: (state: DraftSaveState) => void,
    private readonly timers: Timer,
    private readonly delayMs = DRAFT_DELAY_MS,
  ) {}

  /** The form changed; `content` null: nothing worth keeping is in it. */
  changed(content: T | null): void {
    const json = content === null ? null : JSON.stringify(content);
    if (json === (this.wanted?.json ?? null)) return;
    this.wanted = content === null ? null : { json: json!, content };
    this.schedule();
  }

  /** Whether `content` is the draft the server holds. */
  holds(content: T | null): boolean {
    return content !== null && JSON.stringify(content) === this.held;
  }

  /** Sends nothing until `resume` (while the form's earlier draft is offered, or the form is being saved). */
  pause(): void {
    this.paused = true;
    this.cancelTimer();
  }

  /**
   * Goes on sending. `serverHolds`: what the server holds now, when known (a draft restored into the
   * form: its content; none found or discarded: null); a draft found but not chosen yet: `undefined`.
   */
  resume(serverHolds?: T | null): void {
    if (serverHolds !== undefined) {
      this.held = serverHolds === null ? null : JSON.stringify(serverHolds);
      this.mayHold = serverHolds !== null;
    }
    this.paused = this.stopped;
    this.schedule();
  }

  /** For good: the form is closed (after a last `flush`). */
  stop(): void {
    this.stopped = true;
    this.pause();
  }

  /** A draft exists on the server (found when the form opened); it stays until replaced or discarded. */
  found(): void {
    this.mayHold = true;
  }

  /** Sends what is waiting now, not after the delay (the form is closing). */
  flush(): Promise<void> {
    if (this.paused) return this.inFlight ?? Promise.resolve();
    this.cancelTimer();
    this.step();
    return this.inFlight ?? Promise.resolve();
  }

  /**
   * Takes the draft away (its form was saved, or the person discarded it), after any save still on
   * its way, which would otherwise bring it back. Sends nothing more until `resume`.
   */
  async discard(): Promise<void> {
    this.pause();
    await this.inFlight?.catch(() => undefined);
    if (this.mayHold || this.held !== null) await this.requests.remove();
    this.held = null;
    this.mayHold = false;
    this.failed = undefined;
    this.onState({ kind: 'none' });
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    this.cancelTimer();
    if (this.paused || !this.due()) return;
    this.timer = this.timers.set(() => {
      this.timer = null;
      this.step();
    }, this.delayMs);
  }

  private due(): boolean {
    const json = this.wanted?.json ?? null;
    if (json === this.failed) return false;
    return json === null ? this.mayHold || this.held !== null : json !== this.held;
  }

  private step(): void {
    if (this.paused || this.inFlight || !this.due()) return;
    const wanted = this.wanted;
    const sending = wanted === null ? this.requests.remove().then(() => null) : this.requests.save(wanted.content);
    if (wanted) this.mayHold = true;
    this.inFlight = sending.then(
      (savedAt) => {
        this.held = wanted?.json ?? null;
        this.mayHold = wanted !== null;
        this.failed = undefined;
        this.onState(savedAt === null ? { kind: 'none' } : { kind: 'saved', savedAt });
      },
      (error: unknown) => {
        this.failed = wanted?.json ?? null;
        this.onState({ kind: 'failed', error });
      },
    ).finally(() => {
      this.inFlight = null;
      // Typed on while it was on its way: the newer text goes once its delay is over, or now if it was.
      if (this.timer === null) this.step();
    });
  }
}
