// A page whose code is loaded only when it is opened (a chunk of its own, import()): the first page
// of the UI does not carry it. Until it comes, the page loads; when it cannot come (the network), it
// says so and tries again at a click.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { Loading } from './Loading';
import { LoadFailed } from './LoadFailed';

/** `load`: a function of the module's, so that the page is loaded once, e.g. () => import('../pages/X'). */
export function LazyPage({ load }: { load: () => Promise<{ default: ComponentType }> }) {
  const [Page, setPage] = useState<ComponentType | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (m) => live && setPage(() => m.default),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [load, attempt]);
  if (Page) return <Page />;
  if (failed) {
    return <LoadFailed error={new ApiError({ status: 0, code: 'network' })} onRetry={() => {
      setFailed(false);
      setAttempt((n) => n + 1);
    }} />;
  }
  return <Loading />;
}
