// Putting someone on a case from the staffing queue. The head sees each candidate's screening
// (III.1.b: the unscreened are shown, with why they cannot be picked), sex, languages and caseload;
// confirms the assigned person declared no conflict of interest (III.2.c, required); and may say why
// the match is right although she cannot see the person (II.1.b, I.2.b). When the server finds a
// mismatch, its words go beside that reason, which is what it asks for. One submission per save
// (submission.ts): an assignment sent again after a lost answer is stored once.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type NewRecord, type ShortStaffedCase, type StaffCandidate } from '../api';
import { toUtcIsoSeconds } from '../datetime';
import { languageName } from '../format';
import { useI18n } from '../i18n';
import { ROLE_LABEL, SEX_LABEL } from '../labels';
import { problemMessage } from '../problems';
import { Submission } from '../submission';
import { useUnsavedGuard } from '../unsaved';
import { asksForMatchingReason, assignment, candidateGroups } from './queue';

interface Props {
  target: ShortStaffedCase;
  staff: StaffCandidate[];
  onAssigned: (who: StaffCandidate) => void;
  onCancel: () => void;
}

type Field = 'staff' | 'declared' | 'reason';

export function AssignForm({ target, staff, onAssigned, onCancel }: Props) {
  const { t, lang } = useI18n();
  const [chosen, setChosen] = useState('');
  const [declared, setDeclared] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const submission = useRef(new Submission<NewRecord<'staff_assignment'>>()).current;
  const id = (part: string) => `assign-${target.id}-${part}`;
  const person = staff.find((s) => s.id === chosen);
  useUnsavedGuard(reason.trim() !== '');

  // Opened from the queue: the first one she may pick has the focus, under the question it answers.
  useEffect(() => {
    document.querySelector<HTMLInputElement>(`#${id('who')} input:not(:disabled)`)?.focus();
  }, []);
  useEffect(() => {
    if (failure !== null) alertRef.current?.focus();
  }, [failure]);

  const facts = (s: StaffCandidate) =>
    [
      s.sex === 'unknown' ? t('staffing.sexUnknown') : t(SEX_LABEL[s.sex]),
      s.languages.length ? t('staffing.speaks', { languages: s.languages.map((l) => languageName(l, lang)).join(', ') }) : t('staffing.languagesUnknown'),
      s.open_cases === 1 ? t('staffing.openCase') : t('staffing.openCases', { n: s.open_cases }),
    ].join(' · ');

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    const found: Partial<Record<Field, string>> = {};
    if (!person) found.staff = t('staffing.chooseSomeone');
    if (!declared) found.declared = t('staffing.declaredRequired');
    setErrors(found);
    setFailure(null);
    if (found.staff) return document.querySelector<HTMLInputElement>(`#${id('who')} input:not(:disabled)`)?.focus();
    if (found.declared || !person) return document.getElementById(id('declared'))?.focus();
    setSaving(true);
    const submitted = submission.next({ chosen, declared, reason }, () => assignment(person.id, declared, reason, toUtcIsoSeconds(new Date())));
    try {
      await api.addRecord(target.id, submitted);
      submission.answered();
      setReason('');
      onAssigned(person);
    } catch (err) {
      submission.answered(err instanceof ApiError ? err.status : 0);
      const clause = err instanceof ApiError ? err.problem.clause : undefined;
      if (asksForMatchingReason(clause)) {
        setErrors({ reason: problemMessage(err, t) });
        window.setTimeout(() => document.getElementById(id('reason'))?.focus(), 0);
      } else setFailure(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="form assign-form" noValidate onSubmit={onSubmit} id={id('form')} data-testid="assign-form">
      <div ref={alertRef} tabIndex={-1} role="alert" class={failure !== null ? 'alert alert-error' : 'alert-empty'} data-testid="assign-error">
        {failure !== null && problemMessage(failure, t)}
      </div>
      <fieldset id={id('who')} class={`field${errors.staff ? ' field-invalid' : ''}`} aria-describedby={errors.staff ? id('who-error') : undefined}>
        <legend>{t('staffing.who', { code: target.code })}</legend>
        {staff.length === 0 && <p class="hint">{t('staffing.noStaff')}</p>}
        {candidateGroups(target, staff).map((group) => (
          <fieldset key={group.role} class="candidate-group" data-testid={`candidates-${group.role}`}>
            <legend class="candidate-group-title">
              {t(ROLE_LABEL[group.role])}
              {group.needed && <span class="badge badge-needed">{t('staffing.needed')}</span>}
            </legend>
            <ul class="candidate-list">
              {group.candidates.map((s) => (
                <li key={s.id} class={`candidate${s.screened ? '' : ' candidate-unscreened'}`} data-testid="candidate">
                  <input type="radio" name={id('staff')} id={id(s.id)} value={s.id} checked={chosen === s.id} disabled={!s.screened}
                    aria-describedby={`${id(`${s.id}-screening`)} ${id(`${s.id}-facts`)}`} onChange={() => setChosen(s.id)} />
                  <label for={id(s.id)}>{s.display_name}</label>
                  <p id={id(`${s.id}-screening`)} class={s.screened ? 'candidate-screened' : 'candidate-not-screened'} data-testid="candidate-screening">
                    {t(s.screened ? 'staffing.screened' : 'staffing.notScreened')}
                  </p>
                  <p id={id(`${s.id}-facts`)} class="candidate-facts" data-testid="candidate-facts">{facts(s)}</p>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
        {errors.staff && <p class="field-error" id={id('who-error')}>{errors.staff}</p>}
      </fieldset>

      <div class={`check${errors.declared ? ' field-invalid' : ''}`}>
        <input type="checkbox" id={id('declared')} checked={declared} onChange={(e) => setDeclared(e.currentTarget.checked)}
          aria-invalid={errors.declared ? true : undefined} aria-describedby={errors.declared ? id('declared-error') : undefined} />
        <label for={id('declared')}>
          {person ? t('staffing.declared', { name: person.display_name }) : t('staffing.declaredAnyone')}
          <span class="required" aria-hidden="true"> *</span>
        </label>
        {errors.declared && <p class="field-error" id={id('declared-error')}>{errors.declared}</p>}
      </div>

      <div class={`field${errors.reason ? ' field-invalid' : ''}`}>
        <label for={id('reason')}>{t('staffing.matchingReason')}</label>
        <p class="hint" id={id('reason-hint')}>{t('staffing.matchingHint')}</p>
        <textarea id={id('reason')} rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${id('reason-hint')} ${id('reason-error')}` : id('reason-hint')} />
        {errors.reason && <p class="field-error" id={id('reason-error')} data-testid="assign-reason-error">{errors.reason}</p>}
      </div>

      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={saving} aria-busy={saving} data-testid="assign-submit">
          {saving ? t('staffing.saving') : t('staffing.save')}
        </button>
        <button type="button" class="btn btn-secondary" onClick={onCancel} data-testid="assign-cancel">{t('common.cancel')}</button>
      </div>
    </form>
  );
}
