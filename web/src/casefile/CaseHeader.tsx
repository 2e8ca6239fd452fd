// Who the case is about and who holds it: the person's name, the staff on the case, the one the
// victim designated (II.1.d) and the consents in force (I.3.b). The case page's overview opens with
// it, and the printed case summary carries it.
import type { ComponentChildren } from 'preact';
import type { CaseDetail, CaseRecord, Colleague } from '../api';
import { Item } from '../components/Item';
import { useI18n } from '../i18n';
import { staffWithRole } from '../labels';
import { consentsInForce } from '../records/caseState';

interface Props {
  detail: CaseDetail;
  records: CaseRecord[];
  staff: Colleague[];
  /** Items before the others (the summary's stage). */
  children?: ComponentChildren;
}

export function CaseHeader({ detail, records, staff, children }: Props) {
  const { t } = useI18n();
  const p = detail.person;
  const consents = consentsInForce(records, new Date());
  const who = (id: string) => staffWithRole(id, staff, t);
  return (
    <dl class="dl case-header" data-testid="case-header">
      {children}
      <Item label={t('case.name')} testid="header-name">
        {p.name}
        {p.name_is_alias && <span class="badge badge-alias">{t('case.nameAlias')}</span>}
      </Item>
      <Item label={t('casefile.assigned')} testid="header-assigned">
        {detail.staff_on_case.length
          ? detail.staff_on_case.map(who).join(', ')
          : t('casefile.onlyReceiver', { name: detail.reception.recorded_by.display_name })}
      </Item>
      <Item label={t('casefile.designated')} testid="header-designated">
        {detail.designated_staff ? who(detail.designated_staff) : t('casefile.nobody')}
      </Item>
      <Item label={t('casefile.consent')} testid="header-consent">
        {consents.length ? t('casefile.consentInForce', { n: consents.length }) : t('casefile.consentNone')}
      </Item>
    </dl>
  );
}
