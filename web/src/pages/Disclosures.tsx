// The centre head's disclosure requests (GET /centre/disclosure-requests), oldest first: each by its
// case's code (she is not on the case), who asked and when, and the terms in words. She opens one to
// see exactly what would leave (disclosures/RequestReview) and approves it, or declines it with a
// reason: no break-glass. After an approval the released package stays on the page, to be printed.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, type Colleague, type ReleaseRequest } from '../api';
import { LoadFailed } from '../components/LoadFailed';
import { Loading } from '../components/Loading';
import { PackageView } from '../disclosures/PackageView';
import { RequestReview, type Decided } from '../disclosures/RequestReview';
import { kindText, termsLines } from '../disclosures/terms';
import { publishWaitingCount } from '../disclosures/useWaitingCount';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';

type Done = Decided & { code: string; asker: string };

/** The package an approval released, to be shown and printed. */
const released = (d: Done) => (d.kind === 'approved' ? d.decision.package : null);

export function DisclosuresPage({ selfId }: { selfId: string }) {
  const { t } = useI18n();
  const [items, setItems] = useState<ReleaseRequest[] | null>(null);
  const [staff, setStaff] = useState<Colleague[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  // The requests with the names of those who asked, shown together: never "a member of staff" first
  // and a name a moment later. Without the names the queue still reads.
  const load = useCallback(async () => {
    setError(null);
    try {
      const [list, names] = await Promise.all([api.listReleaseRequests(), api.listStaff().catch(() => [])]);
      setStaff(names);
      setItems(list);
      publishWaitingCount(list.length);
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // What her decision did takes the focus: the released package's heading, or the sentence saying it.
  useEffect(() => {
    if (done) document.getElementById(released(done) ? 'approvals-released' : 'approvals-done')?.focus();
  }, [done]);

  const name = (id: string) => staff.find((s) => s.id === id)?.display_name ?? t('timeline.someone');

  const releasedNow = done ? released(done) : null;

  // The queue is read again first, so that what she is told and the list beside it agree.
  const decided = async (item: ReleaseRequest, d: Decided) => {
    setOpen(null);
    await load();
    setDone({ ...d, code: item.case_code, asker: name(item.request.recorded_by) });
  };

  return (
    <div class="approvals" data-testid="approvals">
      <h1>{t('approvals.title')}</h1>
      <p class="lead">{t('approvals.lead')}</p>
      {/* After an approval, what left, ready to print; otherwise what her decision did. */}
      {releasedNow && done ? (
        <section class="card" aria-labelledby="approvals-released" data-testid="approvals-released">
          <h2 id="approvals-released" tabIndex={-1}>{t('approvals.releasedTitle', { code: done.code })}</h2>
          <PackageView pkg={releasedNow} staff={staff} />
        </section>
      ) : done && (
        <p id="approvals-done" tabIndex={-1} class={done.kind === 'taken' ? 'alert alert-warning' : 'alert alert-success'} role="status" data-testid="approvals-done">
          {done.kind === 'approved' && t('approvals.approved', { code: done.code })}
          {done.kind === 'declined' && t('approvals.declined', { code: done.code, asker: done.asker })}
          {done.kind === 'taken' && t('approvals.taken', { code: done.code })}
        </p>
      )}
      {error !== null && <LoadFailed error={error} onRetry={() => void load()} />}
      {!items ? (
        error === null && <Loading />
      ) : (
        <section aria-labelledby="approvals-queue">
          <h2 id="approvals-queue">{t('approvals.queue', { n: items.length })}</h2>
          {items.length === 0 ? (
            <p class="empty" data-testid="approvals-empty">{t('approvals.none')}</p>
          ) : (
            <ol class="queue">
              {items.map((item) => (
                <li key={item.request.id} class="card queue-case" data-testid="approval" data-code={item.case_code}>
                  <h3 class="queue-case-head">
                    <span class="case-code">{item.case_code}</span>
                    <span>{kindText(item.request.body.kind, t)}</span>
                  </h3>
                  <p class="muted">{t('approvals.asked', { who: name(item.request.recorded_by), at: formatDateTime(item.request.recorded_at) })}</p>
                  <dl class="queue-facts" data-testid="approval-terms">
                    {/* The kind heads the item. */}
                    {termsLines(item.request.body, t, ['recipient', 'purpose', 'categories', 'reason']).map((l) => (
                      <div key={l.label} class="dl-item">
                        <dt>{l.label}</dt>
                        <dd>{l.value}</dd>
                      </div>
                    ))}
                  </dl>
                  {open === item.request.id ? (
                    <RequestReview item={item} staff={staff} selfId={selfId} onDecided={(d) => void decided(item, d)} />
                  ) : (
                    <button type="button" class="btn btn-secondary" data-testid="approval-open"
                      onClick={() => {
                        // One package on the page at a time: the one released before gives way.
                        setDone(null);
                        setOpen(item.request.id);
                      }}>
                      {t('approvals.open', { code: item.case_code })}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
