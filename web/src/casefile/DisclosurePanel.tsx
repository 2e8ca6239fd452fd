// Preparing a disclosure: what kind, to whom, why, which categories. The preview shows exactly what
// would leave, with the headings in the chosen language and the consent's refusals still standing
// (I.3.b, I.3.d, II.6.d). Only the centre head releases it (I.3.a), and only what she previewed; anyone
// else on the case asks her to approve what they previewed, and her queue (pages/Disclosures) takes it
// from there. The requests still waiting for her are listed, so that nobody asks twice.
import { useMemo, useState } from 'preact/hooks';
import { api, type CaseRecord, type Colleague, type DisclosurePackage, type DisclosureRequest, type Role } from '../api';
import { PackageView } from '../disclosures/PackageView';
import { categoriesText, kindText, waitingRequests } from '../disclosures/terms';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { problemMessage } from '../problems';
import { consentsInForce } from '../records/caseState';
import { ENUMS, OPTION_LABEL } from '../records/schema';

interface Props {
  caseId: string;
  records: CaseRecord[];
  staff: Colleague[];
  role: Role;
  onReleased: () => void;
}

export function DisclosurePanel({ caseId, records, staff, role, onReleased }: Props) {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<string>('referral_package');
  const [recipient, setRecipient] = useState('');
  const [purpose, setPurpose] = useState<string>('referral');
  const [categories, setCategories] = useState<string[]>([]);
  const [referralId, setReferralId] = useState('');
  const [reason, setReason] = useState('');
  const [language, setLanguage] = useState<'vi' | 'en'>(lang);
  const [busy, setBusy] = useState<'preview' | 'release' | 'ask' | null>(null);
  const [problem, setProblem] = useState<{ field?: string; error: unknown } | null>(null);
  const [pkg, setPkg] = useState<{ key: string; value: DisclosurePackage } | null>(null);
  // The request last sent to the head, by the same key as the preview: not to be sent twice.
  const [asked, setAsked] = useState<string | null>(null);
  const referrals = records.filter((r) => r.type === 'referral');
  const recipients = useMemo(() => {
    const names = [...consentsInForce(records, new Date()).map((c) => c.recipient), ...referrals.map((r) => String(r.body.provider ?? ''))];
    return [...new Set(names.filter(Boolean))];
  }, [records]);

  const request: DisclosureRequest = {
    kind,
    recipient: recipient.trim(),
    purpose,
    categories,
    ...(reason.trim() ? { reason: reason.trim() } : {}),
    ...(kind === 'referral_package' && referralId ? { referral_id: referralId } : {}),
  };
  const key = JSON.stringify([request, language]);
  const current = pkg && pkg.key === key ? pkg.value : null;
  const waiting = waitingRequests(records);
  const name = (id: string) => staff.find((s) => s.id === id)?.display_name ?? t('timeline.someone');

  const run = async (what: 'preview' | 'release' | 'ask') => {
    if (!request.recipient) return setProblem({ field: 'recipient', error: null });
    if (categories.length === 0) return setProblem({ field: 'categories', error: null });
    setBusy(what);
    setProblem(null);
    try {
      if (what === 'ask') {
        await api.askForRelease(caseId, request, language);
        setAsked(key);
        onReleased();
      } else {
        const value = what === 'preview' ? await api.previewPackage(caseId, request, language) : await api.releasePackage(caseId, request, language);
        setPkg({ key, value });
        if (what === 'release') onReleased();
      }
    } catch (e) {
      setProblem({ error: e });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="card" aria-labelledby="sec-disclosure" data-testid="disclosure">
      <h2 id="sec-disclosure">{t('disclosure.title')}</h2>
      <p class="muted">{t('disclosure.intro')}</p>
      {waiting.length > 0 && (
        <div class="alert alert-info" data-testid="disclosure-waiting">
          <p>{t('disclosure.waiting')}</p>
          <ul class="plain-list">
            {waiting.map((r) => (
              <li key={r.id}>
                {t('disclosure.waitingItem', {
                  kind: kindText(r.body.kind, t), recipient: String(r.body.recipient ?? ''), categories: categoriesText(r.body, t),
                  who: name(r.recorded_by), at: formatDateTime(r.recorded_at),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form class="form" noValidate onSubmit={(e) => { e.preventDefault(); void run('preview'); }}>
        <div class="field">
          <label for="dp-kind">{t('disclosure.kind')}</label>
          <select id="dp-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            {ENUMS.disclosure_kind.map((v) => <option key={v} value={v}>{t(OPTION_LABEL.disclosure_kind[v])}</option>)}
          </select>
        </div>
        {kind === 'referral_package' && (
          <div class="field">
            <label for="dp-referral">{t('disclosure.referral')}</label>
            <select id="dp-referral" value={referralId}
              onChange={(e) => {
                const id = e.currentTarget.value;
                setReferralId(id);
                const chosen = referrals.find((r) => r.id === id);
                if (chosen && typeof chosen.body.provider === 'string') setRecipient(chosen.body.provider);
              }}>
              <option value="">{t('record.pickRecord')}</option>
              {referrals.map((r) => <option key={r.id} value={r.id}>{String(r.body.provider ?? '')} · {formatDateTime(r.occurred_at)}</option>)}
            </select>
          </div>
        )}
        <div class={`field${problem?.field === 'recipient' ? ' field-invalid' : ''}`}>
          <label for="dp-recipient">{t('disclosure.recipient')}</label>
          <input type="text" id="dp-recipient" list="dp-recipients" value={recipient} onInput={(e) => setRecipient(e.currentTarget.value)}
            aria-invalid={problem?.field === 'recipient' ? true : undefined} aria-describedby={problem?.field === 'recipient' ? 'dp-recipient-error' : undefined} />
          <datalist id="dp-recipients">{recipients.map((r) => <option key={r} value={r} />)}</datalist>
          {problem?.field === 'recipient' && <p class="field-error" id="dp-recipient-error">{t('disclosure.recipientRequired')}</p>}
        </div>
        <div class="field">
          <label for="dp-purpose">{t('disclosure.purpose')}</label>
          <select id="dp-purpose" value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)}>
            {ENUMS.purpose.map((v) => <option key={v} value={v}>{t(OPTION_LABEL.purpose[v])}</option>)}
          </select>
        </div>
        <fieldset class={`field${problem?.field === 'categories' ? ' field-invalid' : ''}`}>
          <legend>{t('disclosure.categories')}</legend>
          <div class="checks">
            {ENUMS.category.map((c) => (
              <div class="check" key={c}>
                <input type="checkbox" id={`dp-cat-${c}`} checked={categories.includes(c)}
                  onChange={(e) => setCategories(e.currentTarget.checked ? [...categories, c] : categories.filter((x) => x !== c))} />
                <label for={`dp-cat-${c}`}>{t(OPTION_LABEL.category[c])}</label>
              </div>
            ))}
          </div>
          {problem?.field === 'categories' && <p class="field-error">{t('disclosure.chooseCategory')}</p>}
        </fieldset>
        <div class="field">
          <label for="dp-reason">{t('disclosure.reason')}</label>
          <textarea id="dp-reason" rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="dp-language">{t('disclosure.language')}</label>
          <select id="dp-language" value={language} onChange={(e) => setLanguage(e.currentTarget.value as 'vi' | 'en')}>
            <option value="vi">{t('lang.vi')}</option>
            <option value="en">{t('lang.en')}</option>
          </select>
        </div>
        {problem?.error != null && <div class="alert alert-error" role="alert">{problemMessage(problem.error, t)}</div>}
        {role !== 'centre_head' && (
          <p class="hint" id="dp-ask-hint">{t('disclosure.askHint')}</p>
        )}
        <div class="actions">
          <button type="submit" class="btn btn-secondary" disabled={busy !== null} aria-busy={busy === 'preview'} data-testid="disclosure-preview">
            {busy === 'preview' ? t('disclosure.previewing') : t('disclosure.preview')}
          </button>
          {role === 'centre_head' ? (
            <button type="button" class="btn btn-primary" disabled={busy !== null || !current || !current.ready || !current.preview}
              aria-busy={busy === 'release'} onClick={() => run('release')} data-testid="disclosure-release">
              {busy === 'release' ? t('disclosure.releasing') : t('disclosure.release')}
            </button>
          ) : (
            <button type="button" class="btn btn-primary" disabled={busy !== null || !current || !current.ready || !current.preview || asked === key}
              aria-busy={busy === 'ask'} aria-describedby="dp-ask-hint" onClick={() => run('ask')} data-testid="disclosure-ask">
              {busy === 'ask' ? t('disclosure.asking') : t('disclosure.ask')}
            </button>
          )}
        </div>
        {asked === key && (
          <p class="alert alert-success" role="status" data-testid="disclosure-asked">{t('disclosure.asked')}</p>
        )}
      </form>

      {current && <PackageView pkg={current} staff={staff} caseId={caseId} />}
    </section>
  );
}
