// What a form says of its draft: an earlier one offered back (restore or discard), and, quietly,
// when the text was last kept. A draft that could not be kept is said without taking the focus from
// the typing: the text is still on screen, and the next change tries again.
import { formatDateTime, formatTime } from '../format';
import { useI18n } from '../i18n';
import { problemMessage } from '../problems';
import type { FormDraft } from './useDraft';

/** The earlier draft, offered above the form. */
export function DraftOffer({ draft }: { draft: FormDraft }) {
  const { t } = useI18n();
  if (!draft.offer) return null;
  return (
    <div class="alert alert-info draft-offer" role="status" data-testid="draft-offer">
      <p>{t('draft.offer', { at: formatDateTime(draft.offer.savedAt) })}</p>
      <div class="actions">
        <button type="button" class="btn btn-primary" onClick={draft.restore} data-testid="draft-restore">
          {t('draft.restore')}
        </button>
        <button type="button" class="btn btn-secondary" onClick={draft.discard} data-testid="draft-discard">
          {t('draft.discard')}
        </button>
      </div>
    </div>
  );
}

/** When the text was last kept, or why it was not; beside the form's save button. */
export function DraftState({ draft }: { draft: FormDraft }) {
  const { t } = useI18n();
  const { state } = draft;
  if (state.kind === 'saved') {
    return (
      <p class="draft-state muted" data-testid="draft-saved">
        {t('draft.savedAt', { time: formatTime(state.savedAt) })}
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p class="draft-state draft-failed" role="status" data-testid="draft-failed">
        {t('draft.failed', { reason: problemMessage(state.error, t) })}
      </p>
    );
  }
  return null;
}
