// The person received and the reception record as the case holds them (II.1.a), each with a
// "correct" action for those who may correct them (case workers and the centre head, on the case:
// the server's edit_reception), which puts the correction form in its place (CorrectionForm). The
// earlier values stay in the case's history, on the timeline.
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { api, type CaseDetail } from '../api';
import { Item } from '../components/Item';
import { ageOn, todayLocal } from '../datetime';
import { countryName, formatDateOnly, formatDateTime, languageName } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { CHANNEL_LABEL, SEX_LABEL, STAFF_GENDER_LABEL } from '../labels';
import { PersonFields, ReceptionFields } from '../reception/fields';
import {
  checkPerson,
  checkReception,
  PERSON_FIELDS,
  personOf,
  personTyped,
  RECEPTION_FIELDS,
  receptionOf,
  receptionTyped,
  toPerson,
  toReception,
} from '../reception/form';
import { CorrectionForm } from './CorrectionForm';

type Part = 'person' | 'reception';

/** The person as the case holds them: the case file's details and the printed case summary. */
export function PersonSummary({ p }: { p: CaseDetail['person'] }) {
  const { t, lang } = useI18n();
  const age = p.birth_date ? ageOn(p.birth_date, todayLocal()) : null;
  return (
    <>
      {p.treated_as_child && (
        <div class="child-note" data-testid="treated-as-child">
          <span class="badge badge-child">{t('badge.child')}</span>
          <span>{p.suspected_child ? t('case.childExplainSuspected') : t('case.childExplainAge')}</span>
        </div>
      )}
      <dl class="dl">
        <Item label={t('case.name')} testid="person-name">
          {p.name}
          {p.name_is_alias && <span class="badge badge-alias">{t('case.nameAlias')}</span>}
        </Item>
        <Item label={t('case.sex')}>{t(SEX_LABEL[p.sex] ?? SEX_LABEL.unknown)}</Item>
        {p.birth_date ? (
          <Item label={t('case.birthDate')}>
            {formatDateOnly(p.birth_date)}
            {age !== null && ` (${t('case.age', { n: age })})`}
          </Item>
        ) : (
          <Item label={t('case.estimatedAge')}>
            {p.estimated_age !== null && p.estimated_age !== undefined ? t('case.age', { n: p.estimated_age }) : t('case.ageUnknown')}
          </Item>
        )}
        <Item label={t('case.nationality')}>{countryName(p.nationality, lang)}</Item>
        <Item label={t('case.languages')}>{p.languages.map((l) => languageName(l, lang)).join(', ')}</Item>
        <Item label={t('case.preferredStaffGender')}>{t(STAFF_GENDER_LABEL[p.preferred_staff_gender] ?? STAFF_GENDER_LABEL.any)}</Item>
      </dl>
    </>
  );
}

/** The reception record: the case file's details and the printed case summary. */
export function ReceptionSummary({ r, createdAt }: { r: CaseDetail['reception']; createdAt: string }) {
  const { t } = useI18n();
  return (
      <dl class="dl">
        <Item label={t('case.receivedAt')}>
          <time dateTime={r.received_at}>{formatDateTime(r.received_at)}</time>
        </Item>
        <Item label={t('case.referralChannel')}>{CHANNEL_LABEL[r.referral_channel] ? t(CHANNEL_LABEL[r.referral_channel]) : r.referral_channel}</Item>
        <Item label={t('case.referringAuthority')} testid="referring-authority">
          {r.referring_authority}
        </Item>
        <Item label={t('case.legalBasis')} testid="legal-basis">
          {r.legal_basis}
        </Item>
        <Item label={t('case.documents')} testid="documents">
          {r.documents.length ? (
            <ul class="plain-list">
              {r.documents.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : (
            t('case.noDocuments')
          )}
        </Item>
        <Item label={t('case.recordedBy')} testid="recorded-by">
          {r.recorded_by.display_name}
        </Item>
        <Item label={t('case.createdAt')}>
          <time dateTime={createdAt}>{formatDateTime(createdAt)}</time>
        </Item>
      </dl>
  );
}

interface SectionProps {
  part: Part;
  heading: MessageKey;
  /** The action's full name: "Correct" says which part only with it. */
  action: MessageKey;
  mayCorrect: boolean;
  correcting: boolean;
  saved: boolean;
  onCorrect: () => void;
  children: ComponentChildren;
}

function DetailSection({ part, heading, action, mayCorrect, correcting, saved, onCorrect, children }: SectionProps) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby={`sec-${part}`} data-testid={part === 'person' ? 'person-summary' : 'reception-record'}>
      <div class="card-head">
        <h2 id={`sec-${part}`} tabIndex={-1}>
          {t(heading)}
        </h2>
        {mayCorrect && !correcting && (
          <button type="button" class="btn btn-secondary" aria-label={t(action)} onClick={onCorrect} data-testid={`correct-${part}`}>
            {t('correction.action')}
          </button>
        )}
      </div>
      {saved && (
        <p class="alert alert-success" role="status" data-testid={`corrected-${part}`}>
          {t('correction.saved')}
        </p>
      )}
      {children}
    </section>
  );
}

interface Props {
  caseId: string;
  detail: CaseDetail;
  mayCorrect: boolean;
  /** The corrected case, as the server answered. */
  onCorrected: (c: CaseDetail) => void;
  /** Reads the case again (it changed since it was read). */
  onReload: () => void;
}

export function CaseDetails({ caseId, detail, mayCorrect, onCorrected, onReload }: Props) {
  const [correcting, setCorrecting] = useState<Part | null>(null);
  const [saved, setSaved] = useState<Part | null>(null);
  // The values the form opened with: the case as read when "correct" was pressed.
  const opened = useRef(detail);
  const open = (part: Part) => {
    opened.current = detail;
    setSaved(null);
    setCorrecting(part);
  };
  const close = (part: Part) => {
    setCorrecting(null);
    window.setTimeout(() => document.getElementById(`sec-${part}`)?.focus(), 0);
  };
  const done = (part: Part) => (c: CaseDetail) => {
    setSaved(part);
    close(part);
    onCorrected(c);
  };
  const reload = () => {
    setCorrecting(null);
    onReload();
  };
  const { version, person, reception } = opened.current;
  const section = (part: Part) => ({
    part,
    mayCorrect,
    correcting: correcting === part,
    saved: saved === part,
    onCorrect: () => open(part),
  });

  return (
    <>
      <DetailSection {...section('person')} heading="case.person" action="correction.correctPerson">
        {correcting === 'person' ? (
          <CorrectionForm part="person" title="correction.correctPerson" initial={personOf(person)} Fields={PersonFields}
            order={PERSON_FIELDS} check={checkPerson} changed={personTyped}
            send={(s, reason) => api.correctPerson(caseId, { version, person: toPerson(s), reason })}
            onCorrected={done('person')} onCancel={() => close('person')} onReload={reload} />
        ) : (
          <PersonSummary p={detail.person} />
        )}
      </DetailSection>

      <DetailSection {...section('reception')} heading="case.reception" action="correction.correctReception">
        {correcting === 'reception' ? (
          <CorrectionForm part="reception" title="correction.correctReception" initial={receptionOf(reception)} Fields={ReceptionFields}
            order={RECEPTION_FIELDS} check={checkReception} changed={receptionTyped} documents={(s) => s.documents}
            send={(s, reason) => api.correctReception(caseId, { version, reception: toReception(s, reception), reason })}
            onCorrected={done('reception')} onCancel={() => close('reception')} onReload={reload} />
        ) : (
          <ReceptionSummary r={detail.reception} createdAt={detail.created_at} />
        )}
      </DetailSection>
    </>
  );
}
