import type { User } from '../api';
import { useI18n } from '../i18n';
import { ROLE_LABEL as ROLE } from '../labels';
import type { Route } from '../router';
import { LangSwitch } from './LangSwitch';
import { Link } from './Link';


interface Props {
  user: User | null;
  route: Route;
  /** The session may only set up two-step sign-in: no way to other screens. */
  limited?: boolean;
  signingOut?: boolean;
  onSignOut?: () => void;
}

export function Header({ user, route, limited = false, signingOut, onSignOut }: Props) {
  const { t } = useI18n();
  return (
    <header class="site-header" data-testid="site-header">
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
      </div>
      {user && !limited && (
        <nav class="main-nav" aria-label={t('nav.label')}>
          <ul>
            <li>
              <Link
                href="/cases"
                class="nav-link"
                aria-current={route.name === 'cases' ? 'page' : undefined}
              >
                {t('nav.cases')}
              </Link>
            </li>
            <li>
              <Link
                href="/reception"
                class="nav-link"
                aria-current={route.name === 'reception' ? 'page' : undefined}
              >
                {t('nav.reception')}
              </Link>
            </li>
            <li>
              <Link
                href="/security"
                class="nav-link"
                aria-current={route.name === 'security' ? 'page' : undefined}
              >
                {t('nav.security')}
              </Link>
            </li>
          </ul>
        </nav>
      )}
    </header>
  );
}
