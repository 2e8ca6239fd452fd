import { ApiError } from './api';
import { k, type I18n, type MessageKey } from './i18n';

// Codes whose message we take from our catalog (so it follows live language switches).
const CATALOG: Record<string, MessageKey> = {
  network: k('error.network'),
  server: k('error.server'),
  invalid_credentials: k('problem.invalid_credentials'),
  unauthenticated: k('problem.unauthenticated'),
  not_found: k('problem.not_found'),
  version_conflict: k('problem.version_conflict'),
  malformed_json: k('problem.malformed_json'),
  forbidden: k('problem.forbidden'),
  rate_limited: k('problem.rate_limited'),
};

/** User-facing message for an error, in the user's language. */
export function problemMessage(err: unknown, t: I18n['t']): string {
  if (err instanceof ApiError) {
    const code = err.code ?? '';
    // A refusal of the standards names its clause and what must happen first: the server's words,
    // every refusing rule at once (each message is a sentence of its own).
    const refusals = err.problem.refusals ?? [];
    if (refusals.length > 1) return refusals.map((r) => r.message).join(' ');
    if (err.problem.clause && err.problem.detail) return err.problem.detail;
    // A refusal that names the field at fault (a wrong code, a wrong password asked again) says
    // exactly what is wrong with it: the server's words, not the general message of its code.
    if (err.problem.field && err.problem.detail) return err.problem.detail;
    // A refusal with its own reason (a head adding a head's account, a new code by the account's
    // maker only, disabling one's own) says it; a bare "not allowed" reads from the catalog.
    if (code === 'forbidden' && err.problem.detail && err.problem.detail !== err.problem.title) return err.problem.detail;
    const key = CATALOG[code];
    if (key) return t(key);
    // Validation problems: the server's detail is specific and already localized.
    if (err.problem.detail) return err.problem.detail;
    if (err.status >= 500) return t('error.server');
    return t('problem.validation_failed');
  }
  return t('error.server');
}
