// Run once by scripts/test.sh before the browser tests: the centre head sets up her two-step sign-in
// (required for her role; apiClient does it as the app would) and records the recruitment screening
// of the case worker (III.1.b), without which no one may open a case (I.3.c), and her qualifications
// (I.2.d). Nobody records their own screening: a second administrator records the head's, as for a
// centre with one head.
import { apiClient, HEAD_USER, USER } from './helpers.mjs';

const head = await apiClient(HEAD_USER);
const worker = await apiClient(USER);
const admin = await apiClient(process.env.HAVEN_TEST_SETUP_ADMIN ?? 'admin2');
const at = new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
const screened = { ability: true, qualifications: true, moral_standing: true, judicial_record_checked: true, notes: '' };
await admin.post(`/accounts/${head.user.id}/screening`, { occurred_at: at, body: screened });
await head.post('/centre/records', { type: 'recruitment_screening', occurred_at: at, subject: worker.user.id, body: screened });
await head.post('/centre/records', {
  type: 'staff_matching',
  occurred_at: at,
  subject: worker.user.id,
  body: { sex: 'female', languages: ['vi'] },
});
// The case worker runs a whole case in the browser: counselling and the identification interview
// are recorded only by staff qualified for them (I.2.d).
for (const qualification of ['counselling', 'identification_interview']) {
  await head.post('/centre/records', {
    type: 'staff_qualification',
    occurred_at: at,
    subject: worker.user.id,
    body: { qualification, title: 'Chứng chỉ tập huấn', issued_by: 'Bộ Lao động - Thương binh và Xã hội' },
  });
}
console.log('browser test setup: staff screened and qualified');
