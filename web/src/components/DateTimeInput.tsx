// Boxes for typing a date (dd/mm/yyyy) or a date and a time (dd/mm/yyyy, hh:mm on the 24-hour
// clock), the way the UI writes them in both its languages. Not <input type="date"> nor
// "datetime-local": those show and take the browser's locale, and a US browser showed
// "12/06/2026, 04:28 PM" to a Vietnamese worker (issue 18). Usage:
//
//   <label for="f-birth">{t('reception.birthDate')}</label>
//   <DateInput id="f-birth" value={birthDate} onChange={setBirthDate} invalid={!!error} describedBy={errorId} />
//
// The value stays what the forms already exchange: "YYYY-MM-DD", or the local "YYYY-MM-DDTHH:MM"
// of the old datetime-local box, "" when empty; a mistyped text is handed on as it is, so that the
// form refuses it (dateProblem, dateTimeProblem in datetime.ts) and nothing typed is lost. The box
// names what is wrong when it is left, unless the form already shows an error for the field.
import { useEffect, useState } from 'preact/hooks';
import {
  dateProblem,
  dateText,
  dateTimeProblem,
  dateTimeTexts,
  dateTimeValue,
  dateValue,
  parseHourMinute,
  type DateTimeProblem,
} from '../datetime';
import { useI18n, type MessageKey, type Params } from '../i18n';

/** The catalog message that names a typing mistake, re-translated when the language changes. */
export function dateTimeProblemMessage(problem: DateTimeProblem): { key: MessageKey; params?: Params } {
  const two = (n: number) => String(n).padStart(2, '0');
  switch (problem.code) {
    case 'date_format': return { key: 'datetime.problem.dateFormat' };
    case 'month': return { key: 'datetime.problem.month', params: { month: two(problem.month) } };
    case 'day': return { key: 'datetime.problem.day', params: { day: two(problem.day), month: two(problem.month), year: problem.year } };
    case 'time_format': return { key: 'datetime.problem.timeFormat' };
    case 'hour': return { key: 'datetime.problem.hour', params: { hour: two(problem.hour) } };
    case 'minute': return { key: 'datetime.problem.minute', params: { minute: two(problem.minute) } };
    case 'date_missing': return { key: 'datetime.problem.dateMissing' };
    case 'time_missing': return { key: 'datetime.problem.timeMissing' };
  }
}

interface Common {
  /** The id of the (date) box, which the field's <label for> names. */
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** The form shows an error for this field (its own check or the server's): said once, not twice. */
  invalid?: boolean;
  /** Ids of the field's hint and error message, which the boxes are described by too. */
  describedBy?: string;
  required?: boolean;
}

// Left for the form's submit button: the form checks the field and says the same beside it. Said
// here first, the message would push the button down between the press and the release, and the
// press would be lost.
function toSubmit(e: FocusEvent): boolean {
  const to = e.relatedTarget;
  return to instanceof HTMLButtonElement && to.type === 'submit';
}

const ids = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(' ') || undefined;

/** One box for a calendar date, dd/mm/yyyy. */
export function DateInput({ id, value, onChange, invalid, describedBy, required }: Common) {
  const { t } = useI18n();
  const [text, setText] = useState(() => dateText(value));
  const [problem, setProblem] = useState<DateTimeProblem | null>(null);
  // A value set from outside (a form emptied after saving, a draft given back) replaces the text;
  // the value the text itself gives does not, so the text is never rewritten under the cursor.
  useEffect(() => {
    if (dateValue(text) !== value) {
      setText(dateText(value));
      setProblem(null);
    }
  }, [value]);
  const formatId = `${id}-format`;
  const problemId = `${id}-problem`;
  const shown = problem && !invalid ? dateTimeProblemMessage(problem) : null;
  return (
    <>
      <input type="text" id={id} class="date-box" inputMode="numeric" autoComplete="off" spellcheck={false} placeholder="dd/mm/yyyy"
        value={text} aria-invalid={invalid || shown ? true : undefined} aria-required={required || undefined}
        aria-describedby={ids(formatId, describedBy, shown && problemId)}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          setProblem(null);
          onChange(dateValue(next));
        }}
        onBlur={(e) => {
          // Written back the way it is shown elsewhere: "5/9/2026" and "05092026" become 05/09/2026.
          const v = dateValue(text);
          setText(dateText(v));
          if (!toSubmit(e)) setProblem(dateProblem(v));
        }} />
      <p class="hint date-format" id={formatId}>{t('datetime.dateHint')}</p>
      {shown && <p class="field-error" id={problemId}>{t(shown.key, shown.params)}</p>}
    </>
  );
}

/** A date box and a time box for one moment in local time. `label` is the field's, for the time box's name. */
export function DateTimeInput({ id, value, onChange, invalid, describedBy, required, label }: Common & { label: string }) {
  const { t } = useI18n();
  const [texts, setTexts] = useState(() => dateTimeTexts(value));
  const [problem, setProblem] = useState<DateTimeProblem | null>(null);
  useEffect(() => {
    if (dateTimeValue(texts.date, texts.time) !== value) {
      setTexts(dateTimeTexts(value));
      setProblem(null);
    }
  }, [value]);
  const timeId = `${id}-time`;
  const formatId = `${id}-format`;
  const problemId = `${id}-problem`;
  const shown = problem && !invalid ? dateTimeProblemMessage(problem) : null;
  const edit = (next: { date: string; time: string }) => {
    setTexts(next);
    setProblem(null);
    onChange(dateTimeValue(next.date, next.time));
  };
  // Checked when the pair is left, not when moving from the date to the time ("enter the time too").
  const leave = (e: FocusEvent) => {
    const to = e.relatedTarget as HTMLElement | null;
    if ((to && (to.id === id || to.id === timeId)) || toSubmit(e)) return;
    const v = dateTimeValue(texts.date, texts.time);
    setProblem(dateTimeProblem(v));
  };
  const tidyTime = () => {
    const hm = parseHourMinute(texts.time);
    if (hm.ok && hm.value !== texts.time) setTexts((old) => ({ ...old, time: hm.value }));
  };
  const tidyDate = () => {
    const d = dateValue(texts.date);
    if (dateText(d) !== texts.date) setTexts((old) => ({ ...old, date: dateText(d) }));
  };
  const common = {
    inputMode: 'numeric' as const,
    autoComplete: 'off',
    spellcheck: false,
    'aria-invalid': invalid || shown ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': ids(formatId, describedBy, shown && problemId),
  };
  return (
    <>
      <div class="datetime-boxes">
        <input type="text" id={id} class="date-box" placeholder="dd/mm/yyyy" value={texts.date} {...common}
          onInput={(e) => edit({ ...texts, date: e.currentTarget.value })}
          onBlur={(e) => {
            tidyDate();
            leave(e);
          }} />
        <input type="text" id={timeId} class="time-box" placeholder="hh:mm" value={texts.time} aria-label={t('datetime.time', { field: label })} {...common}
          onInput={(e) => edit({ ...texts, time: e.currentTarget.value })}
          onBlur={(e) => {
            tidyTime();
            leave(e);
          }} />
      </div>
      <p class="hint date-format" id={formatId}>{t('datetime.dateTimeHint')}</p>
      {shown && <p class="field-error" id={problemId}>{t(shown.key, shown.params)}</p>}
    </>
  );
}
