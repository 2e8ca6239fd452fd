// A form holding typed text that is not saved yet holds the page: leaving it by the app's links or
// the browser's back button asks first (router.ts), and so do a reload and closing the tab, where
// the browser asks in its own words (no page may choose them any more). A form whose text is kept as
// a draft on the server (drafts/) still asks, saying that the draft is kept.
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from './i18n';

/** Each unsaved form's question, in the reader's language, as last drawn: read when it is asked, since
 * the text may have become its draft a moment before (the page's effects can run later). */
const holding = new Map<symbol, { current: string }>();

function askBeforeUnload(e: BeforeUnloadEvent): void {
  e.preventDefault();
  // Older browsers ask only when this is set.
  e.returnValue = '';
}

function hold(form: symbol, question: { current: string }): void {
  // Only while something is unsaved: a page listening for unload is kept out of the back/forward cache.
  if (holding.size === 0) window.addEventListener('beforeunload', askBeforeUnload);
  holding.set(form, question);
}

function release(form: symbol): void {
  holding.delete(form);
  if (holding.size === 0) window.removeEventListener('beforeunload', askBeforeUnload);
}

/** Holds the page while `unsaved` (the form has text that is not saved); `draftKept`: that text is its draft. */
export function useUnsavedGuard(unsaved: boolean, draftKept = false): void {
  const { t } = useI18n();
  const form = useRef(Symbol('form')).current;
  const question = useRef('');
  question.current = t(draftKept ? 'unsaved.leaveDraftKept' : 'unsaved.leave');
  useEffect(() => {
    if (!unsaved) return;
    hold(form, question);
    return () => release(form);
  }, [unsaved]);
}

/** Whether the page may be left: nothing is unsaved, or the person says so. */
export function mayLeave(): boolean {
  const question = holding.values().next().value;
  return question === undefined || window.confirm(question.current);
}

/** Loads `to` afresh, asking nothing: what was typed must not outlive the page (another person signed in). */
export function reloadWithoutAsking(to: string): void {
  [...holding.keys()].forEach(release);
  location.assign(to);
}
