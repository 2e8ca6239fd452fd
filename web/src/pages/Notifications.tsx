// The reader's notifications (GET /notifications), newest first: each a sentence in her language
// naming the case by its code and the moment day first, with its clause, leading where the work is
// (notifications/items.ts). An unread one says so in words and stands out by its border and weight,
// not by colour alone. Following one marks it read (POST /notifications/read with its key) as the page
// moves on; "mark all read" marks every one. A list of cards, not a table: it fits a phone.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Notification, NotificationList } from '../api';
import { LoadFailed } from '../components/LoadFailed';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { notificationClause, notificationHref, notificationSentence } from '../notifications/items';
import { markNotificationsRead, readNotifications, subscribeNotifications } from '../notifications/unread';
import { problemMessage } from '../problems';
import { navigate } from '../router';

/** The most the server lists: the older ones are not shown. */
const LISTED_AT_MOST = 100;

/** The sentence, its case code kept on one line (a phone would break it at its hyphens). */
function Sentence({ text, code }: { text: string; code: string }) {
  const at = code ? text.indexOf(code) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span class="notification-code">{code}</span>
      {text.slice(at + code.length)}
    </>
  );
}

const readIn = (list: NotificationList, key: string): NotificationList => ({
  unread: Math.max(0, list.unread - 1),
  items: list.items.map((n) => (n.key === key ? { ...n, read: true } : n)),
});

export function NotificationsPage() {
  const { t } = useI18n();
  const [list, setList] = useState<NotificationList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [marking, setMarking] = useState(false);
  const [markError, setMarkError] = useState<unknown>(null);
  const [allMarked, setAllMarked] = useState(false);
  const said = useRef<HTMLParagraphElement>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setList(await readNotifications());
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  // The bell's own readings (every two minutes) bring the list up to date here too.
  useEffect(() => subscribeNotifications(setList), []);

  // What "mark all read" did takes the focus: the button is gone once nothing is unread.
  useEffect(() => {
    if (allMarked || markError !== null) said.current?.focus();
  }, [allMarked, markError]);

  /** Marks it read as the page moves on (or as another tab opens it); a mark that fails leaves it unread. */
  const follow = (n: Notification, href: string) => (e: MouseEvent) => {
    if (!n.read) {
      setList((l) => l && readIn(l, n.key));
      markNotificationsRead([n.key]).catch(() => undefined);
    }
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  // A middle click opens it in another tab: read all the same.
  const followElsewhere = (n: Notification) => (e: MouseEvent) => {
    if (e.button !== 1 || n.read) return;
    setList((l) => l && readIn(l, n.key));
    markNotificationsRead([n.key]).catch(() => undefined);
  };

  const markAll = async () => {
    setMarking(true);
    setMarkError(null);
    setAllMarked(false);
    try {
      await markNotificationsRead('all');
      await load();
      setAllMarked(true);
    } catch (e) {
      setMarkError(e);
    } finally {
      setMarking(false);
    }
  };

  const now = Date.now();

  return (
    <div class="notifications" data-testid="notifications">
      <div class="page-head">
        <h1>{t('notifications.title')}</h1>
        {list && list.unread > 0 && (
          <button type="button" class="btn btn-secondary" disabled={marking} aria-busy={marking} onClick={() => void markAll()}
            data-testid="notifications-mark-all">
            {marking ? t('notifications.marking') : t('notifications.markAll')}
          </button>
        )}
      </div>
      <p class="lead">{t('notifications.lead')}</p>
      {markError !== null ? (
        <p ref={said} tabIndex={-1} class="alert alert-error" role="alert" data-testid="notifications-mark-error">{problemMessage(markError, t)}</p>
      ) : allMarked && (
        <p ref={said} tabIndex={-1} class="alert alert-success" role="status" data-testid="notifications-all-marked">{t('notifications.allMarked')}</p>
      )}
      {error !== null && <LoadFailed error={error} onRetry={() => void load()} />}
      {list === null ? (
        error === null && <Loading />
      ) : list.items.length === 0 ? (
        <p class="empty" data-testid="notifications-empty">{t('notifications.none')}</p>
      ) : (
        <>
          <p class="muted" data-testid="notifications-unread">
            {list.unread > 0 ? t('notifications.unreadSummary', { n: list.unread }) : t('notifications.allRead')}
          </p>
          <ul class="notification-list" aria-label={t('notifications.listLabel')} data-testid="notification-list">
            {list.items.map((n) => {
              const href = notificationHref(n);
              const clause = notificationClause(n);
              return (
                <li key={n.key} class={n.read ? 'notification' : 'notification notification-unread'}
                  data-testid="notification" data-kind={n.kind} data-code={n.case_code} data-read={n.read ? 'true' : 'false'}>
                  {(!n.read || clause) && (
                    <p class="notification-tags">
                      {!n.read && <span class="badge badge-unread" data-testid="notification-unread">{t('notifications.unread')}</span>}
                      {clause && <span class="clause-tag" data-testid="notification-clause">{clause}</span>}
                    </p>
                  )}
                  <a href={href} class="notification-link" onClick={follow(n, href)} onAuxClick={followElsewhere(n)}
                    data-testid="notification-link">
                    <Sentence text={notificationSentence(n, t, now)} code={n.case_code} />
                  </a>
                </li>
              );
            })}
          </ul>
          {list.items.length >= LISTED_AT_MOST && <p class="muted">{t('notifications.newestOnly', { n: LISTED_AT_MOST })}</p>}
        </>
      )}
    </div>
  );
}
