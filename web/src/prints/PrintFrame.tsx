// What every print of a case shares: the case file read once for it (GET /cases/{id}/file, audited
// as a reading of the file) with the names of the centre's staff, and on screen a way back to the
// case and the "Print" button; on paper (styles.css, @media print) only the A4 page itself.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, type CaseFile, type Colleague } from '../api';
import { BackToCase } from '../components/BackToCase';
import { LoadFailed } from '../components/LoadFailed';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';

/** The case file and the staff's names, or what refused it; names that fail to read print as "a member of staff". */
export function usePrintedFile(id: string) {
  const [file, setFile] = useState<CaseFile | null>(null);
  const [staff, setStaff] = useState<Colleague[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    api.getCaseFile(id).then((f) => live && setFile(f), (e: unknown) => live && setError(e));
    api.listStaff().then((s) => live && setStaff(s), () => live && setStaff([]));
    return () => {
      live = false;
    };
  }, [id, reload]);
  return { file, staff, error, retry: () => setReload((n) => n + 1) };
}

interface Props {
  /** Where "back" goes: the part of the case file the print was opened from. */
  back: string;
  code: string;
  testid: string;
  children: ComponentChildren;
}

/** The back link and the Print button (screen only), then the page to print. */
export function PrintFrame({ back, code, testid, children }: Props) {
  const { t } = useI18n();
  return (
    <div class="print-view">
      <div class="print-bar no-print">
        <BackToCase href={back} code={code} />
        <button type="button" class="btn btn-primary" onClick={() => window.print()} data-testid="print-button">
          {t('disclosure.print')}
        </button>
      </div>
      <article class="print-page" data-testid={testid}>
        {children}
      </article>
    </div>
  );
}

/** Until the file and the names are read: the spinner, or what went wrong with a way to try again. */
export function PrintPending({ error, retry }: { error: unknown; retry: () => void }) {
  return error !== null ? <LoadFailed error={error} onRetry={retry} /> : <Loading />;
}
