// A long form in parts: the fields that declare a part (schema.ts PARTS) are shown together under
// the part's name and clauses, with the form's progress ("3 of 5 parts filled"). A part is filled
// when each of its required fields is and something in it was given. Pure, unit-tested.
import { PARTS, type FieldSpec, type PartName } from './schema';

export interface FormPart {
  /** null: the fields of a form that declares no parts, shown as they always were. */
  name: PartName | null;
  fields: FieldSpec[];
}

/** The form's parts in the order of their first field; one unnamed part when no field declares one. */
export function formParts(fields: FieldSpec[]): FormPart[] {
  if (!fields.some((f) => f.part)) return [{ name: null, fields }];
  const parts: FormPart[] = [];
  for (const f of fields) {
    const name = f.part ?? null;
    const part = parts.find((p) => p.name === name);
    if (part) part.fields.push(f);
    else parts.push({ name, fields: [f] });
  }
  return parts;
}

/** The clauses a part answers, for its heading. */
export function partClauses(name: PartName): string {
  return PARTS[name].clauses;
}

/** Whether a value says nothing yet: blank text, an empty list, an unticked box, a plan's empty rows. */
export function isBlank(value: unknown): boolean {
  if (value === false || value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every((v) => (typeof v === 'object' && v !== null ? Object.entries(v).every(([k, x]) => k === 'key' || isBlank(x)) : isBlank(v)));
  return false;
}

/** Whether a part is filled: each required field given, and at least one field given. */
export function partFilled(part: FormPart, values: Record<string, unknown>): boolean {
  return part.fields.every((f) => !f.required || !isBlank(values[f.name])) && part.fields.some((f) => !isBlank(values[f.name]));
}

/** How many of the form's named parts are filled; total 0 for a form not in parts. */
export function partsProgress(parts: FormPart[], values: Record<string, unknown>): { done: number; total: number } {
  const named = parts.filter((p) => p.name !== null);
  return { done: named.filter((p) => partFilled(p, values)).length, total: named.length };
}
