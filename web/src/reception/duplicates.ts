// Possible duplicates at reception (issue 18): before a person is registered, the centre's earlier
// cases with the same name (the same words, accents and case aside, in any order) and no different
// birth year are asked for (POST /cases/possible-duplicates). When there are any, the worker sees
// their codes and reception dates and chooses: stop, or register anyway, which tells the server the
// codes she was shown (`possible_duplicates_seen`) for its audit log. Pure, unit-tested.
import type { DuplicateQuery, NewCase, PossibleDuplicate } from '../api';

/** What the check asks: the name as it will be registered, and the birth date when one is typed. */
export function duplicateQuery(name: string, birthDate: string): DuplicateQuery {
  const query: DuplicateQuery = { name: name.trim() };
  if (/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) query.birth_date = birthDate;
  return query;
}

/** The registration, saying which earlier cases the worker was shown and went on despite. */
export function registration(body: NewCase, shown: PossibleDuplicate[]): NewCase {
  return shown.length ? { ...body, possible_duplicates_seen: shown.map((d) => d.code) } : body;
}

/**
 * The check's problem about a field (422), as the reception form's own path for it ("name" →
 * "person.name"), or null when it names none the form has.
 */
export function duplicateField(field: string | undefined): string | null {
  if (!field) return null;
  const name = field.replace(/^person\./, '');
  return name === 'name' || name === 'birth_date' ? `person.${name}` : null;
}
