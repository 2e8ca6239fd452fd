// The referral letter ("phiếu chuyển gửi") of a disclosure the centre head released (I.3.a, II.6.d):
// the centre's letterhead, to whom, the date it left, who sent it and whom to call, what the consent
// let leave by category (the person named only when their identity was among them), and lines to
// sign for the sender, the centre head and the recipient. Read from the disclosure's record in the
// case file, so that it prints the same right after the release and again at any time; one A4 page.
import type { CaseFile, CaseRecord, Colleague } from '../api';
import { caseHref } from '../casefile/sections';
import { Item } from '../components/Item';
import { termsLines } from '../disclosures/terms';
import { useI18n } from '../i18n';
import { staffWithRole } from '../labels';
import { optionText } from '../records/schema';
import { consentedCategories, contactPerson, dayMonthYear, namesThePerson } from './content';
import { PrintFrame, PrintPending, usePrintedFile } from './PrintFrame';

function Letter({ file, disclosure, staff, centre }: { file: CaseFile; disclosure: CaseRecord; staff: Colleague[]; centre: string }) {
  const { t } = useI18n();
  const { detail } = file;
  const body = disclosure.body;
  const sender = disclosure.recorded_by;
  const contact = contactPerson(detail, staff, sender);
  const date = dayMonthYear(disclosure.occurred_at);
  const recipient = String(body.recipient ?? '');
  return (
    <>
      <header class="letterhead" data-testid="letter-letterhead">
        <p class="letterhead-centre">{centre}</p>
        {date && <p class="letterhead-date">{t('letter.dated', date)}</p>}
      </header>
      <h1 class="print-title">{t('letter.title')}</h1>
      <p class="letter-to" data-testid="letter-recipient">{t('letter.to', { recipient })}</p>
      <p>{t('letter.intro', { centre, code: detail.code })}</p>
      <dl class="print-terms">
        {termsLines(body, t, ['kind', 'purpose']).map((l) => <Item key={l.label} label={l.label}>{l.value}</Item>)}
        {namesThePerson(body) && (
          <Item label={t('disclosure.person')} testid="letter-person">
            {detail.person.name}
            {detail.person.name_is_alias && ` (${t('case.nameAlias')})`}
          </Item>
        )}
        <Item label={t('letter.sender')} testid="letter-sender">{staffWithRole(sender, staff, t)}</Item>
        <Item label={t('letter.contact')} testid="letter-contact">
          {contact ? staffWithRole(contact, staff, t) : t('timeline.someone')} · {t('letter.phone')}: ……………………
        </Item>
      </dl>
      <h2>{t('letter.content')}</h2>
      <ul class="print-list" data-testid="letter-categories">
        {consentedCategories(body).map((c) => <li key={c}>{optionText(t, 'category', c)}</li>)}
      </ul>
      <p>{t('letter.enclosed')}</p>
      <p class="print-note">{t('letter.confidential')}</p>
      <div class="sign-row" data-testid="letter-signatures">
        <div class="sign-box">
          <p class="sign-role">{t('letter.sender')}</p>
          <p class="sign-hint">{t('letter.signHint')}</p>
          <p class="sign-name">{staff.find((s) => s.id === sender)?.display_name ?? ''}</p>
        </div>
        <div class="sign-box">
          <p class="sign-role">{t('role.centre_head')}</p>
          <p class="sign-hint">{t('letter.signHint')}</p>
        </div>
        <div class="sign-box">
          <p class="sign-role">{t('letter.recipientSigns')}</p>
          <p class="sign-hint">{t('letter.signHint')}</p>
          <p class="sign-name sign-date">{t('letter.receivedOn')}</p>
        </div>
      </div>
    </>
  );
}

export function ReferralLetterPage({ id, disclosureId, centre }: { id: string; disclosureId: string; centre: string }) {
  const { t } = useI18n();
  const { file, staff, error, retry } = usePrintedFile(id);
  if (!file || !staff) return <PrintPending error={error} retry={retry} />;
  const disclosure = file.records.find((r) => r.id === disclosureId && r.type === 'disclosure');
  return (
    <PrintFrame back={caseHref(id, { section: 'consent' })} code={file.detail.code} testid="referral-letter">
      {disclosure ? (
        <Letter file={file} disclosure={disclosure} staff={staff} centre={centre} />
      ) : (
        <p class="alert alert-error" role="alert" data-testid="letter-not-found">{t('letter.notFound')}</p>
      )}
    </PrintFrame>
  );
}
