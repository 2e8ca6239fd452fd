// The case file's sections and its address. The page shows one section at a time, so that no screen
// is a scroll of thousands of pixels, and says which in its URL (`?section=timeline`): back and
// forward move between sections, and a link opens a case where the work is, down to a record form
// with what is known already filled in (`?section=record&form=referral_update&about=<record id>`,
// the next steps and "my work" link there). Pure, unit-tested.
import { k } from '../i18n';

/** In the order the page lists them: the overview (the header, the moves, the next steps) first. */
export const SECTIONS = ['overview', 'timeline', 'record', 'consent', 'documents', 'tasks', 'details'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_LABEL = {
  overview: k('section.overview'),
  timeline: k('section.timeline'),
  record: k('section.record'),
  consent: k('section.consent'),
  documents: k('section.documents'),
  tasks: k('section.tasks'),
  details: k('section.details'),
} as const;

/** Where in the case file an address points. */
export interface CaseView {
  section: Section;
  /** The record form to open (a record type), in the record section. */
  form?: string;
  /** The earlier record the new one is about (a referral its update follows, a complaint its resolution). */
  about?: string;
}

/** The view a query string asks for; anything unknown is the overview, and a form only opens in the record section. */
export function caseViewOf(search: string): CaseView {
  const q = new URLSearchParams(search);
  const asked = q.get('section');
  const section = (SECTIONS as readonly string[]).includes(asked ?? '') ? (asked as Section) : 'overview';
  if (section !== 'record') return { section };
  const form = q.get('form') || undefined;
  const about = (form && q.get('about')) || undefined;
  return { section, ...(form ? { form } : {}), ...(about ? { about } : {}) };
}

/** The address of a case's view; the overview is the case's plain address. */
export function caseHref(caseId: string, view: CaseView = { section: 'overview' }): string {
  const path = `/cases/${encodeURIComponent(caseId)}`;
  if (view.section === 'overview') return path;
  const q = new URLSearchParams({ section: view.section });
  if (view.section === 'record' && view.form) {
    q.set('form', view.form);
    if (view.about) q.set('about', view.about);
  }
  return `${path}?${q.toString()}`;
}

/** The printable summary of a case, for those on it (prints/CaseSummary). */
export const summaryPrintHref = (caseId: string): string => `/cases/${encodeURIComponent(caseId)}/print/summary`;

/** The referral letter of one of the case's disclosures, printed again from its record at any time (prints/ReferralLetter). */
export const letterPrintHref = (caseId: string, disclosureId: string): string =>
  `/cases/${encodeURIComponent(caseId)}/print/referral/${encodeURIComponent(disclosureId)}`;
