// A form's draft on the server (docs/security.md, "Drafts"): kept as the person types (saver.ts),
// offered back when the form is opened again, and gone once the form is saved or the person
// discards it. While an earlier draft waits for her answer, nothing overwrites it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { DraftSaver, type DraftSaveState, type Timer } from './saver';

/** Which draft: a case's form (`record.<type>`), or the reception form's (`caseId` null). */
export interface DraftPlace {
  caseId: string | null;
  form: string;
}

export interface DraftOffer {
  savedAt: string;
  content: Record<string, unknown>;
}

export interface FormDraft {
  /** An earlier draft of this form, offered back until restored or discarded. */
  offer: DraftOffer | null;
  state: DraftSaveState;
  /** The text on screen is kept as the draft on the server. */
  kept: boolean;
  restore: () => void;
  discard: () => void;
  /** The form is being saved: no draft meanwhile. */
  saving: () => void;
  /** Its saving failed: the text stays, and so does its draft. */
  notSaved: () => void;
  /** The form was saved, and is blank again: its draft goes. */
  saved: () => void;
}

const browserTimers: Timer = {
  set: (run, ms) => window.setTimeout(run, ms),
  clear: (timer) => window.clearTimeout(timer as number),
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value a draft kept, when it has the shape of the form's `blank` one (a draft of an older form may not). */
export function keptOr<V>(kept: unknown, blank: V): V {
  const sameShape = kept !== undefined && kept !== null && typeof kept === typeof blank && Array.isArray(kept) === Array.isArray(blank);
  return sameShape ? (kept as V) : blank;
}

/** A 401 waits for the sign-in dialog (api.ts): not the person's to act on here. */
function shown(state: DraftSaveState): DraftSaveState {
  return state.kind === 'failed' && state.error instanceof ApiError && state.error.status === 401 ? { kind: 'none' } : state;
}

/**
 * `place`: null for a form with no draft (none chosen, or the centre's). `content`: what the form
 * holds, null when nothing is typed. `restoreInto`: fills the form from a draft's content.
 */
export function useDraft<T>(place: DraftPlace | null, content: T | null, restoreInto: (content: Record<string, unknown>) => void): FormDraft {
  const [offer, setOffer] = useState<DraftOffer | null>(null);
  const [state, setState] = useState<DraftSaveState>({ kind: 'none' });
  const saverRef = useRef<DraftSaver<T> | null>(null);
  const contentJson = content === null ? null : JSON.stringify(content);
  const latest = useRef(content);
  latest.current = content;
  const placeKey = place ? `${place.caseId ?? ''}/${place.form}` : '';

  useEffect(() => {
    setOffer(null);
    setState({ kind: 'none' });
    if (!place) return undefined;
    let live = true;
    const { caseId, form } = place;
    const saver = new DraftSaver<T>(
      {
        save: (c) => api.saveDraft(caseId, form, c).then((d) => d.saved_at),
        remove: () => api.discardDraft(caseId, form),
      },
      (s) => live && setState(shown(s)),
      browserTimers,
    );
    saverRef.current = saver;
    saver.changed(latest.current);
    api.getDraft(caseId, form).then(
      (found) => {
        if (!live) return;
        if (found && isObject(found.content)) {
          saver.found();
          setOffer({ savedAt: found.saved_at, content: found.content });
        } else saver.resume(null);
      },
      () => live && saver.resume(),
    );
    return () => {
      live = false;
      // Closing the form (another type, another page) keeps what was typed in its last seconds.
      void saver.flush().catch(() => undefined);
      saver.stop();
      saverRef.current = null;
    };
  }, [placeKey]);

  useEffect(() => saverRef.current?.changed(latest.current), [contentJson]);

  const failed = (error: unknown) => setState(shown({ kind: 'failed', error }));
  /** Takes the draft away, then goes on keeping what is typed next. */
  const discardDraft = () => {
    const saver = saverRef.current;
    saver?.discard().then(
      () => saver.resume(null),
      (e: unknown) => {
        failed(e);
        saver.resume();
      },
    );
  };
  return {
    offer,
    state,
    kept: saverRef.current?.holds(content) ?? false,
    restore: () => {
      if (!offer) return;
      restoreInto(offer.content);
      setOffer(null);
      setState({ kind: 'saved', savedAt: offer.savedAt });
      saverRef.current?.resume(offer.content as T);
    },
    discard: () => {
      setOffer(null);
      discardDraft();
    },
    // An earlier draft still offered is not this text's: it stays, offered, whatever becomes of the save.
    saving: () => saverRef.current?.pause(),
    notSaved: () => {
      if (!offer) saverRef.current?.resume();
    },
    saved: () => {
      if (offer) return;
      saverRef.current?.changed(null);
      setState({ kind: 'none' });
      discardDraft();
    },
  };
}
