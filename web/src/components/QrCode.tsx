import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { Loading } from './Loading';

interface Props {
  /** What the code carries, e.g. an otpauth:// URI. */
  text: string;
  label: string;
}

/** A QR code drawn as one SVG path. The encoder is loaded only when a QR code is shown, so it does
 * not weigh on the first page load. */
export function QrCode({ text, label }: Props) {
  const { t } = useI18n();
  const [modules, setModules] = useState<boolean[][] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    import('qrcode-generator')
      .then(({ default: qrcode }) => {
        const qr = qrcode(0, 'M');
        qr.addData(text);
        qr.make();
        const n = qr.getModuleCount();
        const rows = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
        if (live) setModules(rows);
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
    };
  }, [text]);

  if (failed) return <p class="hint">{t('secondFactor.qrFailed')}</p>;
  if (!modules) return <Loading />;
  const quiet = 4; // the blank margin scanners need around the code
  const size = modules.length + quiet * 2;
  let d = '';
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) d += `M${c + quiet} ${r + quiet}h1v1h-1z`;
    }),
  );
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      width="220"
      height="220"
      shape-rendering="crispEdges"
      data-testid="second-factor-qr"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
