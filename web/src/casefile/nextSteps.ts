// A task's next step: the record form that fulfils it (the task's record_type, as the server says),
// opened in the case file's record section, about the record the task is about. The case's next
// steps and "my work" link to the same address through this one function. Pure, unit-tested.
import type { CaseRecord, Task } from '../api';
import { RECORD_FORMS, type RecordForm } from '../records/schema';
import { caseHref, type CaseView } from './sections';

/** The view that fulfils the task: its record form, about its record; null when no form of the case writes it. */
export function taskView(task: Pick<Task, 'record_type' | 'about_record_id'>): CaseView | null {
  const form = RECORD_FORMS.find((f) => f.type === task.record_type);
  if (!form) return null;
  return { section: 'record', form: form.type, ...(task.about_record_id ? { about: task.about_record_id } : {}) };
}

/**
 * Where a task leads: its form. Every task the server sets today is done by a form of the case; a
 * type this UI has no form for (a server newer than its UI) leads to the case's tasks, where its
 * clause and what to do are still written, rather than to an empty record section.
 */
export function taskHref(caseId: string, task: Pick<Task, 'record_type' | 'about_record_id'>): string {
  return caseHref(caseId, taskView(task) ?? { section: 'tasks' });
}

/**
 * The fields a form opened about a record starts with: the field that names an earlier record of
 * that record's type (a referral's update names the referral). Nothing when the record is not in
 * the file or the form names no record of its type (a crisis intervention follows its session by time).
 */
export function valuesAbout(form: RecordForm, aboutId: string | undefined, records: Pick<CaseRecord, 'id' | 'type'>[]): Record<string, string> {
  const about = aboutId ? records.find((r) => r.id === aboutId) : undefined;
  if (!about) return {};
  const field = form.fields.find((f) => f.kind === 'record' && f.of === about.type);
  return field ? { [field.name]: about.id } : {};
}
