// A notification in words, and where it leads: a sentence in the reader's language naming the case by
// its code (never the person: the server sends no name), the moment day first and 24-hour, never a
// key, an ID or an ISO time; and the address where the work is: the case's overview (its next steps)
// for an assignment, a crisis intervention or an overdue task, the head's queue for a disclosure
// request, the case's consent and sharing section for the head's decision on one. Pure, unit-tested.
import type { Notification } from '../api';
import { caseHref } from '../casefile/sections';
import { formatDateTime } from '../format';
import { k, type MessageKey, type Params } from '../i18n';

type Translate = (key: MessageKey, params?: Params) => string;

/** A notification as these words need it; a kind newer than this UI is any other string. */
export type NotificationLike = Pick<Notification, 'case_id' | 'case_code' | 'clause' | 'at'> & {
  kind: string;
  verdict?: string;
};

/** The head's queue of disclosure requests (pages/Disclosures). */
export const DISCLOSURE_QUEUE_HREF = '/centre/disclosures';

/** Where following the notification leads. */
export function notificationHref(n: NotificationLike): string {
  switch (n.kind) {
    case 'disclosure_request':
      return DISCLOSURE_QUEUE_HREF;
    case 'disclosure_decision':
      return caseHref(n.case_id, { section: 'consent' });
    default:
      // An assignment, a crisis, an overdue task, or a kind newer than this UI: the case's overview,
      // where its next steps are.
      return caseHref(n.case_id);
  }
}

/** The clause the notification is about ("II.3.b"), or null when it has none (an assignment). */
export function notificationClause(n: Pick<NotificationLike, 'clause'>): string | null {
  return typeof n.clause === 'string' && n.clause.trim() !== '' ? n.clause.trim() : null;
}

const DECISION: Record<string, MessageKey> = {
  approve: k('notifications.approved'),
  decline: k('notifications.declined'),
};

/**
 * The notification as a sentence. `now`: a crisis intervention's deadline still ahead reads "by",
 * one passed reads "overdue since".
 */
export function notificationSentence(n: NotificationLike, t: Translate, now: number): string {
  const params = { code: n.case_code, at: formatDateTime(n.at) };
  switch (n.kind) {
    case 'assignment':
      return t('notifications.assignment', params);
    case 'crisis': {
      const due = Date.parse(n.at);
      return t(Number.isNaN(due) || due > now ? k('notifications.crisis') : k('notifications.crisisOverdue'), params);
    }
    case 'overdue':
      return t('notifications.overdue', params);
    case 'disclosure_request':
      return t('notifications.disclosureRequest', params);
    case 'disclosure_decision': {
      const verdict = typeof n.verdict === 'string' && Object.prototype.hasOwnProperty.call(DECISION, n.verdict) ? DECISION[n.verdict] : undefined;
      return t(verdict ?? k('notifications.decided'), params);
    }
    default:
      return t('notifications.other', params);
  }
}
