// What the victim is given to read, in their language and printable: their progress in plain words
// (I.4.d, GET /cases/{id}/progress) and the sheet on the centre's services and the road back to
// community life (I.4.a). The sheet's language is the victim's first language where Haven speaks it,
// chosen again here if they prefer; the screen around it stays in the worker's.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, type CaseDetail, type ProgressSummary } from '../api';
import { BackToCase } from '../components/BackToCase';
import { caseHref } from '../casefile/sections';
import { Loading } from '../components/Loading';
import { formatDateOnly } from '../format';
import { k, LANGS, translate, useI18n, type Lang, type MessageKey } from '../i18n';
import { problemMessage } from '../problems';

function victimLanguage(c: CaseDetail, fallback: Lang): Lang {
  return (c.person.languages.find((l) => (LANGS as readonly string[]).includes(l)) as Lang | undefined) ?? fallback;
}

function SheetFrame({ id, detail, sheetLang, setSheetLang, titleKey, children }: {
  id: string;
  detail: CaseDetail;
  sheetLang: Lang;
  setSheetLang: (l: Lang) => void;
  titleKey: MessageKey;
  children: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <div class="victim-sheet">
      <BackToCase href={caseHref(id)} code={detail.code} />
      <div class="filters no-print">
        <div class="field">
          <label for="sheet-lang">{t('sheet.language')}</label>
          <select id="sheet-lang" value={sheetLang} onChange={(e) => setSheetLang(e.currentTarget.value as Lang)} data-testid="sheet-language">
            {LANGS.map((l) => (
              <option key={l} value={l}>{t(l === 'vi' ? 'lang.vi' : 'lang.en')}</option>
            ))}
          </select>
        </div>
        <button type="button" class="btn btn-secondary" onClick={() => window.print()}>{t('disclosure.print')}</button>
      </div>
      <article class="card sheet" lang={sheetLang} data-testid="victim-sheet">
        <h1>{translate(sheetLang, titleKey)}</h1>
        <p class="muted">{translate(sheetLang, 'sheet.for', { name: detail.person.name, code: detail.code })}</p>
        {children}
      </article>
    </div>
  );
}

function useCase(id: string) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.getCase(id).then(setDetail).catch(setError);
  }, [id]);
  return { detail, error };
}

export function ProgressSheetPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { detail, error } = useCase(id);
  const [sheetLang, setSheetLang] = useState<Lang | null>(null);
  const [summary, setSummary] = useState<ProgressSummary | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const chosen = sheetLang ?? (detail ? victimLanguage(detail, lang) : null);

  useEffect(() => {
    if (!chosen) return;
    setSummary(null);
    api.getProgress(id, chosen).then(setSummary).catch(setFailed);
  }, [id, chosen]);

  const problem = error ?? failed;
  if (problem) return <div class="alert alert-error" role="alert">{problemMessage(problem, t)}</div>;
  if (!detail || !chosen) return <Loading />;
  return (
    <SheetFrame id={id} detail={detail} sheetLang={chosen} setSheetLang={setSheetLang} titleKey={k('sheet.progressTitle')}>
      {!summary ? (
        <Loading />
      ) : (
        <>
          <p data-testid="progress-stage"><strong>{translate(chosen, 'sheet.stageNow')}</strong> {summary.stage}</p>
          <h2>{translate(chosen, 'sheet.done')}</h2>
          {summary.done.length === 0 ? (
            <p>{translate(chosen, 'sheet.nothingYet')}</p>
          ) : (
            <ul class="sheet-list" data-testid="progress-done">
              {summary.done.map((d, i) => (
                <li key={i}><span class="muted">{formatDateOnly(d.date)}:</span> {d.text}</li>
              ))}
            </ul>
          )}
          <h2>{translate(chosen, 'sheet.next')}</h2>
          <p data-testid="progress-next">{summary.next}</p>
          <p class="muted">{translate(chosen, 'sheet.questions')}</p>
        </>
      )}
    </SheetFrame>
  );
}

const SERVICES: MessageKey[] = [
  k('sheet.service.shelter'), k('sheet.service.health'), k('sheet.service.counselling'), k('sheet.service.legal'),
  k('sheet.service.education'), k('sheet.service.family'), k('sheet.service.reintegration'),
];
const STEPS: MessageKey[] = [
  k('sheet.step.reception'), k('sheet.step.care'), k('sheet.step.identification'), k('sheet.step.assessment'),
  k('sheet.step.planning'), k('sheet.step.reintegration'), k('sheet.step.monitoring'),
];
const RIGHTS: MessageKey[] = [k('sheet.right.confidential'), k('sheet.right.consent'), k('sheet.right.views'), k('sheet.right.complaint')];

export function ServicesSheetPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { detail, error } = useCase(id);
  const [sheetLang, setSheetLang] = useState<Lang | null>(null);
  if (error) return <div class="alert alert-error" role="alert">{problemMessage(error, t)}</div>;
  if (!detail) return <Loading />;
  const chosen = sheetLang ?? victimLanguage(detail, lang);
  const list = (keys: MessageKey[], testid: string) => (
    <ol class="sheet-list" data-testid={testid}>{keys.map((key) => <li key={key}>{translate(chosen, key)}</li>)}</ol>
  );
  return (
    <SheetFrame id={id} detail={detail} sheetLang={chosen} setSheetLang={setSheetLang} titleKey={k('sheet.servicesTitle')}>
      <p>{translate(chosen, 'sheet.servicesIntro')}</p>
      <h2>{translate(chosen, 'sheet.services')}</h2>
      {list(SERVICES, 'sheet-services')}
      <h2>{translate(chosen, 'sheet.steps')}</h2>
      {list(STEPS, 'sheet-steps')}
      <h2>{translate(chosen, 'sheet.rights')}</h2>
      {list(RIGHTS, 'sheet-rights')}
      <p class="muted">{translate(chosen, 'sheet.questions')}</p>
    </SheetFrame>
  );
}
