// The centre head's staff accounts (issue 19): she adds, disables and enables her own centre's staff
// accounts as the administrator does every centre's (accounts/Accounts.tsx), offered only the roles
// she may add and no centre to choose; heads' and administrators' accounts stay the administrator's.
import { AccountsSection } from '../accounts/Accounts';
import type { Role } from '../api';
import { useI18n } from '../i18n';

export function StaffAccountsPage({ role, selfId }: { role: Role; selfId: string }) {
  const { t } = useI18n();
  return (
    <div class="admin" data-testid="staff-accounts">
      <h1>{t('accounts.title')}</h1>
      <p class="muted" data-testid="staff-accounts-intro">{t('accounts.intro')}</p>
      <AccountsSection role={role} selfId={selfId} />
    </div>
  );
}
