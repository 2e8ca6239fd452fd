// Minimal History API router. Leaving a page with unsaved typed text asks first (unsaved.ts).
import { useEffect, useState } from 'preact/hooks';
import { mayLeave } from './unsaved';

type Listener = () => void;
const listeners = new Set<Listener>();

const here = () => location.pathname + location.search;
/** The page shown: where the back button came from when the person chooses to stay. */
let shown = here();

function emit(): void {
  shown = here();
  listeners.forEach((l) => l());
}

window.addEventListener('popstate', () => {
  // The browser has already moved: staying puts the page's address back.
  if (here() !== shown && !mayLeave()) history.pushState(null, '', shown);
  else emit();
});

/** `discardUnsaved`: the form's text was saved, or the person already said it may go. */
export function navigate(to: string, opts: { replace?: boolean; discardUnsaved?: boolean } = {}): void {
  if (to === here()) return;
  if (!opts.discardUnsaved && !mayLeave()) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  emit();
}

/** Update the query string without creating a history entry or re-routing. */
export function replaceSearch(search: string): void {
  const url = location.pathname + (search ? `?${search}` : '');
  history.replaceState(null, '', url);
  shown = here();
}

export interface Location {
  path: string;
  search: string;
}

export function useLocation(): Location {
  const read = (): Location => ({ path: location.pathname, search: location.search });
  const [loc, setLoc] = useState<Location>(read);
  useEffect(() => {
    const l = () => setLoc(read());
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  return loc;
}

export type Route =
  | { name: 'signin' }
  | { name: 'work' }
  | { name: 'assessment' }
  | { name: 'providers' }
  | { name: 'centre' }
  | { name: 'admin' }
  | { name: 'cases' }
  | { name: 'reception' }
  | { name: 'case'; id: string }
  | { name: 'progress'; id: string }
  | { name: 'services'; id: string }
  | { name: 'security' }
  | { name: 'activate' }
  | { name: 'centreAudit' }
  | { name: 'staffing' }
  | { name: 'disclosures' }
  | { name: 'dashboard' }
  | { name: 'staffAccounts' }
  | { name: 'notifications' }
  | { name: 'printSummary'; id: string }
  | { name: 'printReferral'; id: string; disclosureId: string }
  | { name: 'notFound' };

export function matchRoute(path: string): Route {
  const p = path.replace(/\/+$/, '') || '/';
  if (p === '/' || p === '/work') return { name: 'work' };
  if (p === '/cases') return { name: 'cases' };
  if (p === '/centre/self-assessment') return { name: 'assessment' };
  if (p === '/providers') return { name: 'providers' };
  if (p === '/centre') return { name: 'centre' };
  if (p === '/admin') return { name: 'admin' };
  if (p === '/signin') return { name: 'signin' };
  if (p === '/security') return { name: 'security' };
  if (p === '/activate') return { name: 'activate' };
  if (p === '/centre/audit') return { name: 'centreAudit' };
  if (p === '/centre/staffing') return { name: 'staffing' };
  if (p === '/centre/disclosures') return { name: 'disclosures' };
  if (p === '/centre/dashboard') return { name: 'dashboard' };
  if (p === '/centre/accounts') return { name: 'staffAccounts' };
  if (p === '/notifications') return { name: 'notifications' };
  if (p === '/reception' || p === '/cases/new') return { name: 'reception' };
  const sheet = /^\/cases\/([^/]+)\/(progress|services)$/.exec(p);
  if (sheet) return { name: sheet[2] as 'progress' | 'services', id: decodeURIComponent(sheet[1]) };
  // The prints of a case (prints/): its summary, and the referral letter of one of its disclosures.
  const print = /^\/cases\/([^/]+)\/print\/(?:summary|referral\/([^/]+))$/.exec(p);
  if (print) {
    const id = decodeURIComponent(print[1]);
    return print[2] === undefined ? { name: 'printSummary', id } : { name: 'printReferral', id, disclosureId: decodeURIComponent(print[2]) };
  }
  const m = /^\/cases\/([^/]+)$/.exec(p);
  if (m) return { name: 'case', id: decodeURIComponent(m[1]) };
  return { name: 'notFound' };
}
