import type { Ref } from 'preact';
import { useI18n } from '../i18n';

interface Props {
  id: string;
  inputRef: Ref<HTMLInputElement>;
  value: string;
  onInput: (value: string) => void;
  invalid: boolean;
  /** A hint under the label, e.g. where to find the code. */
  hint?: string;
}

/** The 6-digit code of an authenticator app: a numeric keypad on phones, and the browser's own
 * one-time-code autofill where it has one. */
export function OneTimeCodeField({ id, inputRef, value, onInput, invalid, hint }: Props) {
  const { t } = useI18n();
  return (
    <div class="field" data-testid={`${id}-field`}>
      <label for={id}>{t('signin.code')}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        ref={inputRef}
        name="code"
        type="text"
        inputMode="numeric"
        autocomplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={7}
        required
        aria-describedby={hint ? `${id}-hint` : undefined}
        aria-invalid={invalid ? true : undefined}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}
