// The centre head's view of her centre (Part III): each member of staff with their screening
// (III.1.b), qualifications (I.2.d), training (III.2.b), last supervision (III.1.c) and open cases;
// the latest facilities checklist (III.1.a); a form for each of the centre's records; and those
// records, newest first.
import { useEffect, useState } from 'preact/hooks';
import { api, type Account, type CentreRecord, type CentreRecordType, type Colleague, type SelfAssessment } from '../api';
import { Loading } from '../components/Loading';
import { TableWrap } from '../components/TableWrap';
import { todayLocal } from '../datetime';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { ROLE_LABEL } from '../labels';
import { problemMessage } from '../problems';
import { RecordForm } from '../records/RecordForm';
import { CENTRE_PAGE_FORMS, formFor, optionText } from '../records/schema';
import { Timeline } from '../records/Timeline';
import { AccountStateText, ConfirmAccountButton } from '../accounts/Accounts';

interface Loaded {
  staff: Colleague[];
  records: CentreRecord[];
  today: SelfAssessment;
  accounts: Account[];
}

/**
 * The centre's accounts that nobody has confirmed yet: the head confirms each someone else made once
 * its owner has told her they activated it themselves; one she made herself (on the staff accounts
 * page) waits for the administrator or another head (separation of duties).
 */
function WaitingAccounts({ accounts, selfId, onChanged }: { accounts: Account[]; selfId?: string; onChanged: () => void }) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const waiting = accounts.filter((a) => !a.confirmed && !a.disabled);
  return (
    <section class="card" aria-labelledby="centre-waiting" data-testid="centre-waiting">
      <h2 id="centre-waiting">{t('centre.waiting')}</h2>
      <p class="muted">{t('centre.waitingIntro')}</p>
      {notice && <p class="alert alert-success" role="status">{notice}</p>}
      {error !== null && <div class="alert alert-error" role="alert">{problemMessage(error, t)}</div>}
      {waiting.length === 0 ? (
        <p>{t('centre.noneWaiting')}</p>
      ) : (
        <ul class="plain-list">
          {waiting.map((a) => (
            <li key={a.id} data-testid="waiting-account">
              <strong>{a.display_name}</strong> ({a.username}, {t(ROLE_LABEL[a.role])}) · <AccountStateText account={a} />
              <br />
              <span class="muted">
                {a.created_by === selfId
                  ? t('centre.madeByYou', { date: formatDateTime(a.created_at) })
                  : t('centre.madeBy', { name: t('audit.someone'), date: formatDateTime(a.created_at) })}
              </span>
              {a.activated && a.created_by !== selfId && (
                <div>
                  <ConfirmAccountButton account={a} onError={setError} onConfirmed={(m) => {
                    setNotice(m);
                    onChanged();
                  }} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function latest(records: CentreRecord[], type: CentreRecordType, subject = ''): CentreRecord | undefined {
  return records.filter((r) => r.type === type && r.subject === subject).sort((a, b) => Date.parse(b.occurred_at) - Date.parse(a.occurred_at))[0];
}

export function CentrePage({ selfId }: { selfId?: string }) {
  const { t } = useI18n();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    const today = todayLocal();
    Promise.all([api.listStaff(), api.listCentreRecords(), api.getSelfAssessment(today, today), api.listCentreAccounts()])
      .then(([staff, records, assessment, accounts]) => live && setData({ staff, records, today: assessment, accounts }))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [reload]);

  if (error) return <div class="alert alert-error" role="alert">{problemMessage(error, t)}</div>;
  if (!data) {
    return (
      <>
        <h1>{t('centre.title')}</h1>
        <Loading />
      </>
    );
  }
  const yesNo = (b: boolean) => t(b ? 'timeline.yes' : 'timeline.no');
  const facilities = latest(data.records, 'facilities_checklist');
  const facilitiesForm = formFor('facilities_checklist')!;
  const shown = data.records.map((r) => ({ ...r, body: r.subject ? { ...r.body, subject: r.subject } : r.body }));

  return (
    <div class="centre" data-testid="centre">
      <h1>{t('centre.title')}</h1>
      <section class="card" aria-labelledby="centre-staff">
        <h2 id="centre-staff">{t('centre.staff')}</h2>
        <TableWrap label={t('centre.staff')}>
          <table data-testid="centre-staff">
            <caption class="visually-hidden">{t('centre.staff')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessment.col.person')}</th>
                <th scope="col">{t('assessment.col.screened')}</th>
                <th scope="col">{t('centre.qualifications')}</th>
                <th scope="col">{t('assessment.col.supervision')}</th>
                <th scope="col">{t('assessment.col.caseload')}</th>
              </tr>
            </thead>
            <tbody>
              {data.staff.filter((s) => s.role !== 'auditor').map((s) => {
                const ind = data.today.staff.find((x) => x.staff_id === s.id);
                const qualifications = data.records.filter((r) => r.type === 'staff_qualification' && r.subject === s.id)
                  .map((r) => optionText(t, 'qualification', r.body.qualification));
                return (
                  <tr key={s.id} data-testid="centre-staff-row">
                    <th scope="row">{s.display_name} <span class="muted">({t(ROLE_LABEL[s.role])})</span>{s.disabled && <span class="badge badge-alias">{t('centre.disabled')}</span>}</th>
                    <td class={ind?.screened ? '' : 'overdue'}>{yesNo(ind?.screened ?? false)}</td>
                    <td>{qualifications.length ? [...new Set(qualifications)].join(', ') : '—'}</td>
                    <td class={ind?.supervision_overdue ? 'overdue' : ''}>
                      {!ind?.direct_support ? t('assessment.notDirect') : ind.last_supervision ? formatDateTime(ind.last_supervision) : t('assessment.never')}
                      {ind?.supervision_overdue && ` · ${t('compliance.state.overdue')}`}
                    </td>
                    <td>{ind?.caseload ?? 0}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      </section>
      <WaitingAccounts accounts={data.accounts} selfId={selfId} onChanged={() => setReload((n) => n + 1)} />
      <section class="card" aria-labelledby="centre-facilities" data-testid="centre-facilities">
        <h2 id="centre-facilities">{t('centre.facilities')} <span class="clause">III.1.a</span></h2>
        {!facilities ? (
          <p class="muted">{t('centre.noFacilities')}</p>
        ) : (
          <>
            <p class="muted">{t('centre.checkedOn', { date: formatDateTime(facilities.occurred_at) })}</p>
            <ul class="plain-list">
              {facilitiesForm.fields.filter((f) => f.kind === 'bool').map((f) => (
                <li key={f.name} class={facilities.body[f.name] === true ? 'state-met' : 'state-not_met'}>
                  {facilities.body[f.name] === true ? '✓' : '✗'} {t(f.label)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <RecordForm forms={CENTRE_PAGE_FORMS} save={({ body }) => api.addCentreRecord(body)} role="centre_head" records={[]} staff={data.staff} selfId={selfId}
        onSaved={() => setReload((n) => n + 1)} />
      <Timeline records={[...shown].sort((a, b) => Date.parse(a.occurred_at) - Date.parse(b.occurred_at))} staff={data.staff}
        title={t('centre.records')} testid="centre-records" />
    </div>
  );
}
