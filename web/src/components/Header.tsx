// The header: the centre's name, the language, who is signed in, and the screens. On a phone or a
// tablet held upright it is one compact bar with a menu button, so that the screen is the work's, not
// the header's (it took 518–574 px of an 844 px phone); the menu opens below the bar by click or tap,
// never by hover, and closes with Escape (focus back on its button), on moving to another screen, or
// on a tap elsewhere. Wider, the same elements stand open and the button is hidden (styles.css). The
// bell of those who work cases, with their unread notifications, stays on the bar beside the button.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Role, User } from '../api';
import { k, useI18n, type MessageKey } from '../i18n';
import { ROLE_LABEL as ROLE } from '../labels';
import { CASE_STAFF, REGISTERS } from '../roles';
import type { Route } from '../router';
import { LangSwitch } from './LangSwitch';
import { Link } from './Link';

/** The screens, in the order of a day's work; `roles`: who sees the link (the server checks again). */
const NAV: { route: Route['name']; href: string; label: MessageKey; roles?: readonly Role[] }[] = [
  { route: 'work', href: '/', label: k('nav.work'), roles: CASE_STAFF },
  { route: 'cases', href: '/cases', label: k('nav.cases'), roles: CASE_STAFF },
  { route: 'reception', href: '/reception', label: k('nav.reception'), roles: REGISTERS },
  { route: 'providers', href: '/providers', label: k('nav.providers'), roles: CASE_STAFF },
  { route: 'dashboard', href: '/centre/dashboard', label: k('nav.dashboard'), roles: ['centre_head'] },
  { route: 'staffing', href: '/centre/staffing', label: k('nav.staffing'), roles: ['centre_head'] },
  { route: 'disclosures', href: '/centre/disclosures', label: k('nav.disclosures'), roles: ['centre_head'] },
  { route: 'centre', href: '/centre', label: k('nav.centre'), roles: ['centre_head'] },
  { route: 'staffAccounts', href: '/centre/accounts', label: k('nav.staffAccounts'), roles: ['centre_head'] },
  { route: 'centreAudit', href: '/centre/audit', label: k('nav.centreAudit'), roles: ['centre_head'] },
  { route: 'assessment', href: '/centre/self-assessment', label: k('nav.assessment'), roles: ['centre_head', 'auditor'] },
  { route: 'admin', href: '/admin', label: k('nav.admin'), roles: ['administrator'] },
  { route: 'admin', href: '/admin', label: k('nav.audit'), roles: ['auditor'] },
  { route: 'security', href: '/security', label: k('nav.security') },
];

interface Props {
  user: User | null;
  route: Route;
  /** The session may only set up two-step sign-in: no way to other screens. */
  limited?: boolean;
  /** What waits on a screen, shown on its link (the head's disclosure requests). */
  counts?: Partial<Record<Route['name'], number>>;
  /** The reader's unread notifications, on the bell; null before it is known. */
  unread?: number | null;
  signingOut?: boolean;
  onSignOut?: () => void;
}

/** A count of what waits, seen as a badge and heard as "3 waiting". */
function WaitingCount({ n, testid }: { n: number; testid: string }) {
  const { t } = useI18n();
  return (
    <>
      <span class="badge badge-count" aria-hidden="true" data-testid={testid}>{n}</span>
      <span class="visually-hidden"> ({t('nav.waiting', { n })})</span>
    </>
  );
}

/** A bell drawn as a path (the CSP allows no icon font or inline image); its name is the link's text. */
function BellIcon() {
  return (
    <svg class="bell-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6v-5a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z" />
    </svg>
  );
}

/**
 * The bell: a link to the notifications with the unread count, seen as a badge and heard as
 * "Notifications (3 unread)"; its word shown on pointing at it. Outside the menu, so that the compact
 * bar of a phone shows it too; on a wide screen at the end of the screens' row (styles.css).
 */
function NotificationsBell({ unread, current }: { unread: number | null; current: boolean }) {
  const { t } = useI18n();
  return (
    <Link href="/notifications" class="bell" title={t('nav.notifications')} aria-current={current ? 'page' : undefined} data-testid="notifications-link">
      <BellIcon />
      <span class="visually-hidden">{t('nav.notifications')}</span>
      {!!unread && (
        <>
          <span class="badge badge-count" aria-hidden="true" data-testid="notifications-count">{unread}</span>
          <span class="visually-hidden"> ({t('notifications.unreadCount', { n: unread })})</span>
        </>
      )}
    </Link>
  );
}

export function Header({ user, route, limited = false, counts = {}, unread = null, signingOut, onSignOut }: Props) {
  const { t } = useI18n();
  const waiting = limited ? 0 : Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const [open, setOpen] = useState(false);
  const bell = !!user && !limited && CASE_STAFF.includes(user.role);
  const header = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [route]);
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!header.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <header ref={header} class={`site-header${user ? ' has-menu' : ''}${bell ? ' has-bell' : ''}${open ? ' menu-open' : ''}`} data-testid="site-header">
      <div class="header-inner">
        <div class="brand">
          <span class="brand-name">{t('app.name')}</span>
          {user?.centre ? (
            <span class="centre-name" data-testid="centre-name">
              <span class="visually-hidden">{t('header.centre')}: </span>
              {user.centre.name}
            </span>
          ) : (
            <span class="centre-name">{t('app.tagline')}</span>
          )}
        </div>
        {user && (
          <button ref={toggle} type="button" class="btn btn-secondary menu-toggle" aria-expanded={open} aria-controls="site-menu"
            data-testid="menu-toggle" onClick={() => setOpen(!open)}>
            <span class="menu-icon" aria-hidden="true" />
            {t('header.menu')}
            {/* What waits behind the folded menu shows on its button too. */}
            {waiting > 0 && <WaitingCount n={waiting} testid="menu-count" />}
          </button>
        )}
        <div class="site-menu" id="site-menu" data-testid="site-menu">
          <div class="header-tools">
            <LangSwitch />
            {user && (
              <div class="user-box">
                <span class="user-name" data-testid="user-name">
                  {t('header.signedInAs', { name: user.display_name })}
                  <span class="user-role">{t(ROLE[user.role] ?? ROLE.case_worker)}</span>
                </span>
                <button
                  type="button"
                  class="btn btn-secondary"
                  data-testid="sign-out"
                  disabled={signingOut}
                  onClick={onSignOut}
                >
                  {signingOut ? t('header.signingOut') : t('header.signOut')}
                </button>
              </div>
            )}
          </div>
          {user && !limited && (
            <nav class="main-nav" aria-label={t('nav.label')}>
              <ul>
                {NAV.filter((item) => !item.roles || item.roles.includes(user.role)).map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} class="nav-link" aria-current={route.name === item.route ? 'page' : undefined}>
                      {t(item.label)}
                      {!!counts[item.route] && <WaitingCount n={counts[item.route] ?? 0} testid={`nav-count-${item.route}`} />}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
        {/* After the menu, as it is read on a wide screen; on the compact bar before its button (styles.css). */}
        {bell && <NotificationsBell unread={unread} current={route.name === 'notifications'} />}
      </div>
    </header>
  );
}
