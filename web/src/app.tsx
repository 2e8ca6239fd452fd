import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError, setApiLang, type SecondFactorState, type SessionAnswer, type User } from './api';
import { Header } from './components/Header';
import { Link } from './components/Link';
import { Loading } from './components/Loading';
import { I18nContext, k, loadLang, saveLang, translate, type I18n, type Lang, type MessageKey } from './i18n';
import { problemMessage } from './problems';
import { matchRoute, navigate, useLocation, type Route } from './router';
import { SessionKeeper } from './session/SessionKeeper';
import { announceSignIn } from './session/tracker';
import { mayLeave } from './unsaved';
import { mayRegister, worksCases } from './roles';
import { SignInPage } from './pages/SignIn';
import { CaseListPage } from './pages/CaseList';
import { MyWorkPage } from './pages/MyWork';
import { SelfAssessmentPage } from './pages/SelfAssessment';
import { ProvidersPage } from './pages/Providers';
import { CentrePage } from './pages/Centre';
import { AdminPage } from './pages/Admin';
import { ProgressSheetPage, ServicesSheetPage } from './pages/VictimSheets';
import { ReceptionPage } from './pages/Reception';
import { CasePage } from './pages/CasePage';
import { SecondFactorPage } from './pages/SecondFactor';
import { ActivatePage } from './pages/Activate';
import { AwaitingConfirmationPage } from './pages/AwaitingConfirmation';
import { CentreAuditPage } from './pages/CentreAudit';
import { useWaitingCount } from './disclosures/useWaitingCount';
import { useUnreadCount } from './notifications/unread';
import { NotificationsPage } from './pages/Notifications';
import { StaffingPage } from './pages/Staffing';
import { DisclosuresPage } from './pages/Disclosures';
import { LazyPage } from './components/LazyPage';

// The head's dashboard and its charts: a chunk of their own, loaded when the page is opened.
const loadDashboard = () => import('./pages/Dashboard');
import { StaffAccountsPage } from './pages/StaffAccounts';
import { CaseSummaryPage } from './prints/CaseSummary';
import { ReferralLetterPage } from './prints/ReferralLetter';

type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; user: User | null; secondFactor?: SecondFactorState };

const TITLES: Record<Route['name'], MessageKey> = {
  signin: k('title.signin'),
  work: k('title.work'),
  assessment: k('title.assessment'),
  providers: k('title.providers'),
  centre: k('title.centre'),
  admin: k('title.admin'),
  progress: k('title.progress'),
  services: k('title.services'),
  cases: k('title.cases'),
  reception: k('title.reception'),
  case: k('title.case'),
  security: k('title.security'),
  activate: k('title.activate'),
  centreAudit: k('title.centreAudit'),
  staffing: k('title.staffing'),
  disclosures: k('title.disclosures'),
  dashboard: k('title.dashboard'),
  staffAccounts: k('title.staffAccounts'),
  notifications: k('title.notifications'),
  printSummary: k('summary.title'),
  printReferral: k('letter.title'),
  notFound: k('title.notFound'),
};

function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  // Only same-site absolute paths; never "//host" or a URL.
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/signin')) return next;
  return '/';
}

export function App() {
  const [lang, setLangState] = useState<Lang>(loadLang);
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<unknown>(null);
  const loc = useLocation();
  const route = useMemo(() => matchRoute(loc.path), [loc.path]);
  const mainRef = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);

  setApiLang(lang);

  const i18n: I18n = useMemo(
    () => ({
      lang,
      setLang: (l: Lang) => {
        saveLang(l);
        setApiLang(l);
        setLangState(l);
      },
      t: (key, params) => translate(lang, key, params),
    }),
    [lang],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    if (route.name !== 'case') document.title = `${i18n.t(TITLES[route.name])} — ${i18n.t('app.name')}`;
  }, [route.name, i18n]);

  const loadSession = useCallback(() => {
    setSession({ status: 'loading' });
    api
      .getSession()
      .then(({ user, second_factor }) => setSession({ status: 'ready', user, secondFactor: second_factor }))
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) setSession({ status: 'ready', user: null });
        else setSession({ status: 'error', error: e });
      });
  }, []);

  useEffect(() => {
    loadSession();
  }, [loadSession]);

  // Route guards.
  const user = session.status === 'ready' ? session.user : null;
  const secondFactor = session.status === 'ready' ? session.secondFactor : undefined;
  // A role that must use two-step sign-in sees nothing else until it is set up.
  const mustSetUp = user !== null && secondFactor?.setup_required === true;
  // An account nobody other than its maker has confirmed: only its own sign-in set-up until then.
  const awaitingConfirmation = user !== null && !user.confirmed;
  // The head's disclosure requests waiting for her, on her link to them.
  const waiting = useWaitingCount(user?.role === 'centre_head' && !mustSetUp && !awaitingConfirmation, loc.path);
  // The reader's unread notifications, on the bell in the header: those who work cases.
  const unread = useUnreadCount(user !== null && worksCases(user.role) && !mustSetUp && !awaitingConfirmation, loc.path);
  // Pages for those not signed in.
  const publicRoute = route.name === 'signin' || route.name === 'activate';
  useEffect(() => {
    if (session.status !== 'ready') return;
    if (!session.user && !publicRoute) {
      const here = location.pathname + location.search;
      const next = here === '/' || here === '/work' ? '' : `?next=${encodeURIComponent(here)}`;
      navigate(`/signin${next}`, { replace: true });
    } else if (session.user && publicRoute) {
      navigate(safeNext(location.search), { replace: true });
    }
  }, [session, route.name]);

  // Those who work no case have no day of cases: an administrator's or auditor's home is
  // administration, a provider's their account's security.
  useEffect(() => {
    if (user && route.name === 'work' && !worksCases(user.role)) {
      navigate(user.role === 'administrator' || user.role === 'auditor' ? '/admin' : '/security', { replace: true });
    }
  }, [user, route.name]);

  // Move focus to the main region on client-side navigation (screen readers announce the new page).
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    if (route.name !== 'signin') mainRef.current?.focus({ preventScroll: false });
    setSignOutError(null);
  }, [loc.path]);

  const onSignedIn = ({ user: u, second_factor }: SessionAnswer) => {
    announceSignIn(u.id);
    setSession({ status: 'ready', user: u, secondFactor: second_factor });
    navigate(second_factor.setup_required ? '/security' : safeNext(location.search), { replace: true });
  };

  const onSecondFactorEnabled = () => {
    if (session.status !== 'ready' || !session.user) return;
    setSession({ status: 'ready', user: session.user, secondFactor: { enabled: true, setup_required: false } });
    // A head goes on to the cases; an administrator, who reads none, stays to see it is on.
    if (mustSetUp) navigate(session.user.role === 'administrator' ? '/security' : '/cases', { replace: true });
  };

  // The same person, after her session ended under the page: it goes on where it was.
  const onSignedInAgain = ({ user: u, second_factor }: SessionAnswer) => {
    setSession({ status: 'ready', user: u, secondFactor: second_factor });
  };

  const onSignOut = async () => {
    if (!mayLeave()) return;
    setSigningOut(true);
    setSignOutError(null);
    try {
      await api.signOut();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        setSignOutError(e);
        setSigningOut(false);
        return;
      }
    }
    setSigningOut(false);
    setSession({ status: 'ready', user: null });
    navigate('/signin', { replace: true, discardUnsaved: true });
  };

  let content;
  if (session.status === 'loading') {
    content = <Loading />;
  } else if (session.status === 'error') {
    content = (
      <div class="alert alert-error" role="alert">
        <p>{problemMessage(session.error, i18n.t)}</p>
        <button type="button" class="btn btn-primary" onClick={loadSession}>
          {i18n.t('error.retry')}
        </button>
      </div>
    );
  } else if (route.name === 'signin') {
    content = user ? <Loading /> : <SignInPage key={loc.search} onSignedIn={onSignedIn} />;
  } else if (route.name === 'activate') {
    content = user ? <Loading /> : <ActivatePage />;
  } else if (!user) {
    content = <Loading />;
  } else if (awaitingConfirmation && !mustSetUp && route.name !== 'security') {
    content = <AwaitingConfirmationPage onCheck={loadSession} />;
  } else if (mustSetUp || route.name === 'security') {
    content = (
      <SecondFactorPage state={secondFactor ?? { enabled: false, setup_required: false }} onEnabled={onSecondFactorEnabled} />
    );
  } else if (route.name === 'work') {
    content = <MyWorkPage role={user.role} />;
  } else if (route.name === 'progress') {
    content = <ProgressSheetPage key={route.id} id={route.id} />;
  } else if (route.name === 'services') {
    content = <ServicesSheetPage key={route.id} id={route.id} />;
  } else if (route.name === 'admin') {
    content = <AdminPage role={user.role} selfId={user.id} />;
  } else if (route.name === 'centre') {
    content = <CentrePage selfId={user.id} />;
  } else if (route.name === 'centreAudit') {
    content = <CentreAuditPage />;
  } else if (route.name === 'staffing') {
    content = <StaffingPage />;
  } else if (route.name === 'dashboard') {
    content = <LazyPage load={loadDashboard} />;
  } else if (route.name === 'staffAccounts') {
    content = <StaffAccountsPage role={user.role} selfId={user.id} />;
  } else if (route.name === 'disclosures') {
    content = <DisclosuresPage selfId={user.id} />;
  } else if (route.name === 'notifications') {
    content = <NotificationsPage />;
  } else if (route.name === 'providers') {
    content = <ProvidersPage />;
  } else if (route.name === 'assessment') {
    content = <SelfAssessmentPage />;
  } else if (route.name === 'cases') {
    content = <CaseListPage search={loc.search} role={user.role} />;
  } else if (route.name === 'reception') {
    // Offered only to those who register (the menu, my work, the case list); reached by its address,
    // it says whose work it is rather than taking a form the server would refuse.
    content = mayRegister(user.role) ? (
      <ReceptionPage />
    ) : (
      <>
        <h1>{i18n.t('reception.title')}</h1>
        <p class="alert alert-info" role="status" data-testid="reception-not-your-role">
          {i18n.t('reception.notYourRole')}
        </p>
      </>
    );
  } else if (route.name === 'printSummary') {
    content = <CaseSummaryPage key={route.id} id={route.id} user={user} />;
  } else if (route.name === 'printReferral') {
    content = <ReferralLetterPage key={`${route.id} ${route.disclosureId}`} id={route.id} disclosureId={route.disclosureId} centre={user.centre?.name ?? ''} />;
  } else if (route.name === 'case') {
    content = <CasePage key={route.id} id={route.id} role={user?.role ?? null} selfId={user?.id} />;
  } else {
    content = (
      <>
        <h1>{i18n.t('notFound.title')}</h1>
        <p>{i18n.t('notFound.body')}</p>
        <p>
          <Link href="/cases">{i18n.t('case.back')}</Link>
        </p>
      </>
    );
  }

  return (
    <I18nContext.Provider value={i18n}>
      <a class="skip-link" href="#main">
        {i18n.t('app.skipToMain')}
      </a>
      <Header user={user} route={route} limited={mustSetUp || awaitingConfirmation} counts={{ disclosures: waiting ?? 0 }} unread={unread} signingOut={signingOut} onSignOut={onSignOut} />
      <main id="main" ref={mainRef} tabIndex={-1} class="site-main" data-testid={`page-${route.name}`}>
        {signOutError !== null && (
          <div class="alert alert-error" role="alert">
            {problemMessage(signOutError, i18n.t)}
          </div>
        )}
        {content}
      </main>
      {user && <SessionKeeper user={user} onSignedInAgain={onSignedInAgain} />}
    </I18nContext.Provider>
  );
}
