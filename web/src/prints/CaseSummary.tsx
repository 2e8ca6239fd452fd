// The case on paper for those on it: the person, the reception, where the case stands and who holds
// it, the reintegration plan's essentials, the open tasks, the standards needing attention and the
// timeline in words (records/describe.ts), each from the components the case page shows them with.
// A4, as many pages as the timeline needs and never a blank one.
import type { CaseFile, Colleague, User } from '../api';
import { PersonSummary, ReceptionSummary } from '../casefile/CaseDetails';
import { CaseHeader } from '../casefile/CaseHeader';
import { ClauseList, ComplianceLine } from '../casefile/CompliancePanel';
import { caseHref } from '../casefile/sections';
import { TaskList } from '../casefile/TaskList';
import { Item } from '../components/Item';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { STAGE_LABEL } from '../labels';
import { describeFields } from '../records/describe';
import { Timeline } from '../records/Timeline';
import { latestOf, PLAN_ESSENTIALS } from './content';
import { PrintFrame, PrintPending, usePrintedFile } from './PrintFrame';

function Plan({ file, staff }: { file: CaseFile; staff: Colleague[] }) {
  const { t, lang } = useI18n();
  const plan = latestOf(file.records, 'reintegration_plan');
  const people = new Map(staff.map((s) => [s.id, s.display_name]));
  const lines = plan
    ? describeFields(plan, PLAN_ESSENTIALS, { t, lang, records: new Map(file.records.map((r) => [r.id, r])), staffName: (id) => people.get(id) })
    : [];
  return (
    <section class="print-section" aria-labelledby="sum-plan" data-testid="summary-plan">
      <h2 id="sum-plan">{t('rt.reintegration_plan')}</h2>
      {plan ? (
        <>
          <p class="muted">{t('summary.planOf', { date: formatDateTime(plan.occurred_at) })}</p>
          <dl class="dl">{lines.map((l) => <Item key={l.label} label={l.label}>{l.value}</Item>)}</dl>
        </>
      ) : (
        <p class="muted">{t('summary.noPlan')}</p>
      )}
    </section>
  );
}

export function CaseSummaryPage({ id, user }: { id: string; user: User }) {
  const { t } = useI18n();
  const { file, staff, error, retry } = usePrintedFile(id);
  if (!file || !staff) return <PrintPending error={error} retry={retry} />;
  const { detail, records, tasks, compliance } = file;
  const attention = compliance.filter((c) => c.state === 'overdue' || c.state === 'not_met' || c.state === 'pending');
  return (
    <PrintFrame back={caseHref(id)} code={detail.code} testid="case-summary">
      <header class="letterhead">
        <p class="letterhead-centre">{user.centre?.name ?? ''}</p>
        <p class="letterhead-date">{t('summary.printed', { date: formatDateTime(new Date().toISOString()), name: user.display_name })}</p>
      </header>
      <h1 class="print-title">{t('summary.title')}</h1>
      <p class="print-subtitle">{t('case.title', { code: detail.code })}</p>
      <p class="print-note">{t('summary.confidential')}</p>
      <CaseHeader detail={detail} records={records} staff={staff}>
        <Item label={t('case.stage')} testid="summary-stage">{STAGE_LABEL[detail.stage] ? t(STAGE_LABEL[detail.stage]) : detail.stage}</Item>
      </CaseHeader>
      <section class="print-section" aria-labelledby="sum-person">
        <h2 id="sum-person">{t('case.person')}</h2>
        <PersonSummary p={detail.person} />
      </section>
      <section class="print-section" aria-labelledby="sum-reception">
        <h2 id="sum-reception">{t('case.reception')}</h2>
        <ReceptionSummary r={detail.reception} createdAt={detail.created_at} />
      </section>
      <Plan file={file} staff={staff} />
      <TaskList caseId={id} tasks={tasks} heading="tasks.title" testid="summary-tasks" />
      <section class="print-section" aria-labelledby="sum-compliance" data-testid="summary-compliance">
        <h2 id="sum-compliance">{t('compliance.title')}</h2>
        <ComplianceLine clauses={compliance} />
        {attention.length > 0 && <ClauseList clauses={attention} />}
      </section>
      <Timeline records={records} staff={staff} testid="summary-timeline" />
    </PrintFrame>
  );
}
