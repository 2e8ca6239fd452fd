import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError, type CaseFile, type Colleague, type Role } from '../api';
import { CaseDetails } from '../casefile/CaseDetails';
import { CaseHeader } from '../casefile/CaseHeader';
import { CompliancePanel } from '../casefile/CompliancePanel';
import { ConsentPanel } from '../casefile/ConsentPanel';
import { DisclosurePanel } from '../casefile/DisclosurePanel';
import { AttachForm, DocumentList } from '../casefile/DocumentsPanel';
import { MoveBar } from '../casefile/MoveBar';
import { LetterLink, ReleasedPanel } from '../casefile/ReleasedPanel';
import { SectionNav } from '../casefile/SectionNav';
import { caseHref, caseViewOf, SECTION_LABEL, summaryPrintHref, type CaseView } from '../casefile/sections';
import { TaskList } from '../casefile/TaskList';
import { mayAddRecords } from '../records/checks';
import { RecordForm } from '../records/RecordForm';
import { RECORD_FORMS } from '../records/schema';
import { Timeline } from '../records/Timeline';
import { BreakGlassForm } from '../components/BreakGlass';
import { Link } from '../components/Link';
import { Loading } from '../components/Loading';
import { takeCreated } from '../created';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { STAGE_LABEL } from '../labels';
import { problemMessage } from '../problems';
import { navigate, replaceSearch, useLocation } from '../router';
import { mayCorrect as correctsCases, writesRecords } from '../roles';


// One reading of the whole file, audited once (I.3.c); a refusal or an erased file answers it.
const loadFile = (id: string): Promise<CaseFile> => api.getCaseFile(id);

/** How many of the most urgent tasks the overview shows as the next steps; the tasks section has all. */
const NEXT_STEPS = 5;
/** Each form asked for by the address, counted: the same form asked for again opens again. */
let asked = 0;

export function CasePage({ id, role, selfId }: { id: string; role: Role | null; selfId?: string }) {
  const { t } = useI18n();
  const [file, setFile] = useState<CaseFile | null>(null);
  const [staff, setStaff] = useState<Colleague[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const [moved, setMoved] = useState<string | null>(null);
  const { search } = useLocation();
  const view = caseViewOf(search);
  // The form the address asks for (a next step, "record a consent"), asked once per address.
  const formRequest = useMemo(() => (view.form ? { type: view.form, about: view.about, n: ++asked } : undefined), [search]);
  const go = (to: CaseView) => navigate(caseHref(id, to));
  const [justCreated] = useState(() => takeCreated(id));
  const data = file?.detail ?? null;

  useEffect(() => {
    let live = true;
    setError(null);
    setRefreshing(true);
    loadFile(id)
      .then((f) => live && setFile(f))
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setRefreshing(false));
    return () => {
      live = false;
    };
  }, [id, reload]);

  useEffect(() => {
    // Names for the IDs records carry; the file still reads without them.
    api.listStaff().then(setStaff).catch(() => setStaff([]));
  }, []);

  const refresh = useCallback(() => setReload((n) => n + 1), []);

  useEffect(() => {
    document.title = `${data ? t('case.title', { code: data.code }) : t('title.case')} — ${t('app.name')}`;
  }, [data, t]);

  const back = (
    <p class="back">
      <Link href="/cases" data-testid="back-to-list">
        <span aria-hidden="true">← </span>
        {t('case.back')}
      </Link>
    </p>
  );

  if (error !== null) {
    const notFound = error instanceof ApiError && error.status === 404;
    // Erased for good (Law 91/2025): the server's message says when; trying again cannot help.
    const erased = error instanceof ApiError && error.status === 410;
    // I.3.c: not on this case. A centre head may break the glass; anyone else asks her to assign them.
    const notOnCase = error instanceof ApiError && error.status === 403 && error.problem.clause === 'I.3.c';
    return (
      <div class="case-page">
        {back}
        <h1>{notFound ? t('problem.not_found') : t('title.case')}</h1>
        <div class="alert alert-error" role="alert" data-testid="case-error">
          <p>{problemMessage(error, t)}</p>
          {!notFound && !notOnCase && !erased && (
            <button type="button" class="btn btn-secondary" onClick={() => setReload((n) => n + 1)}>
              {t('error.retry')}
            </button>
          )}
        </div>
        {notOnCase && role === 'centre_head' && <BreakGlassForm caseId={id} onOpened={() => setReload((n) => n + 1)} />}
      </div>
    );
  }

  if (!data) {
    return (
      <div class="case-page">
        {back}
        <Loading />
      </div>
    );
  }

  const p = data.person;
  const { records, moves, tasks, compliance, recordTypes, documents } = file!;
  // Those who record the service: the head, case workers and counsellors (the server checks again).
  const writer = writesRecords(role);
  // Whether records may be added at all, as the file says for the reader (record_types.may_add).
  const mayAdd = mayAddRecords(recordTypes, writer);
  // Those who may correct the person and the reception record (edit_reception): not a counsellor.
  const mayCorrect = correctsCases(role);
  const facts = { stage: data.stage, foreign: p.nationality !== '' && p.nationality !== 'VN', held: new Set(records.map((x) => x.type)) };
  const calledFor = tasks.map((x) => x.record_type);
  const nextSteps = <TaskList caseId={id} tasks={tasks} heading="nextSteps.title" testid="next-steps" limit={NEXT_STEPS} />;
  return (
    <div class="case-page" data-testid="case-detail">
      {back}
      <div class="page-head">
        <h1 data-testid="case-code">{t('case.title', { code: data.code })}</h1>
        <span class="badge badge-stage" data-testid="case-stage">
          <span class="visually-hidden">{t('case.stage')}: </span>
          {STAGE_LABEL[data.stage] ? t(STAGE_LABEL[data.stage]) : data.stage}
        </span>
        {p.treated_as_child && <span class="badge badge-child">{t('badge.child')}</span>}
        {refreshing && <span class="spinner spinner-inline" role="status" aria-label={t('app.loading')} />}
      </div>
      {moved && (
        <p class="alert alert-success" role="status" data-testid="case-moved">
          {moved}
        </p>
      )}
      {data.access?.via === 'break_glass' && data.access.until && (
        <p class="alert alert-warning" role="status" data-testid="break-glass-banner">
          {t('breakGlass.banner', { until: formatDateTime(data.access.until) })}
        </p>
      )}
      {justCreated && (
        <p class="alert alert-success" role="status" data-testid="case-created">
          {t('case.created')}
        </p>
      )}
      <SectionNav caseId={id} current={view.section} documents={documents.length} />

      <section class="case-section" aria-labelledby="case-section-title" data-testid={`case-section-${view.section}`}>
        <h2 id="case-section-title" class="visually-hidden">{t(SECTION_LABEL[view.section])}</h2>
        {view.section === 'overview' && (
          <div class="casefile-grid">
            <div class="casefile-main">
              <CaseHeader detail={data} records={records} staff={staff} />
              <nav class="sheet-links" aria-label={t('casefile.sheets')}>
                <Link href={`/cases/${encodeURIComponent(id)}/progress`} data-testid="link-progress">{t('casefile.progressSheet')}</Link>
                <Link href={`/cases/${encodeURIComponent(id)}/services`} data-testid="link-services">{t('casefile.servicesSheet')}</Link>
              </nav>
              <p class="sheet-links">
                <Link href={summaryPrintHref(id)} data-testid="link-print-summary">{t('summary.print')}</Link>
              </p>
              {/* A role that moves no case (a counsellor) is shown no moves to press. */}
              {moves.may_act && (
                <MoveBar caseId={id} moves={moves}
                  onMoved={(c) => {
                    setMoved(t('actions.moved', { stage: t(STAGE_LABEL[c.stage]) }));
                    refresh();
                  }} />
              )}
            </div>
            <aside class="casefile-aside" aria-label={t('nextSteps.title')}>{nextSteps}</aside>
          </div>
        )}
        {view.section === 'timeline' && (
          <Timeline records={records} staff={staff}
            actions={(x) => x.type === 'disclosure' && <LetterLink caseId={id} disclosureId={x.id} />} />
        )}
        {view.section === 'record' && (
          <div class="casefile-grid">
            <div class="casefile-main">
              {mayAdd && role ? (
                <RecordForm forms={RECORD_FORMS} save={(x) => api.addRecord(id, x)} draftsOf={id} role={role} records={records} staff={staff}
                  request={formRequest} selfId={selfId} checks={recordTypes} mayOverride={moves.may_override} facts={facts} calledFor={calledFor}
                  // The chosen form is kept in the address (a reload opens it again), not as a step of its own.
                  onChosen={(type) => replaceSearch(`section=record&form=${encodeURIComponent(type)}`)}
                  onSaved={() => {
                    setMoved(null);
                    replaceSearch('section=record');
                    refresh();
                  }} />
              ) : (
                <p class="muted" data-testid="record-none">{t('casefile.noRecords')}</p>
              )}
            </div>
            {/* The next steps beside the form: what to record after this one. */}
            <aside class="casefile-aside" aria-label={t('nextSteps.title')}>{nextSteps}</aside>
          </div>
        )}
        {view.section === 'consent' && (
          <div class="casefile-grid">
            <div class="casefile-main">
              {writer && <DisclosurePanel caseId={id} records={records} staff={staff} role={role} onReleased={refresh} />}
              <ReleasedPanel caseId={id} records={records} staff={staff} />
            </div>
            <aside class="casefile-aside" aria-label={t('consent.title')}>
              <ConsentPanel caseId={id} records={records} child={p.treated_as_child} mayWrite={mayAdd}
                onRecordConsent={() => go({ section: 'record', form: 'consent' })} onChanged={refresh} />
            </aside>
          </div>
        )}
        {view.section === 'documents' && (
          <div class="casefile-grid">
            <div class="casefile-main">
              <DocumentList caseId={id} documents={documents} staff={staff} />
            </div>
            {/* Attached by those who may add records, as the record section decides. */}
            {mayAdd && (
              <aside class="casefile-aside" aria-label={t('documents.attach')}>
                <AttachForm caseId={id} onAttached={refresh} />
              </aside>
            )}
          </div>
        )}
        {view.section === 'tasks' && (
          <div class="casefile-grid">
            <div class="casefile-main">
              <TaskList caseId={id} tasks={tasks} heading="tasks.title" testid="tasks" />
            </div>
            <aside class="casefile-aside" aria-label={t('compliance.title')}>
              <CompliancePanel clauses={compliance} />
            </aside>
          </div>
        )}
        {view.section === 'details' && (
          <CaseDetails caseId={id} detail={data} mayCorrect={mayCorrect}
            onCorrected={(c) => {
              setFile((f) => (f ? { ...f, detail: c } : f));
              refresh();
            }}
            onReload={refresh} />
        )}
      </section>
    </div>
  );
}
