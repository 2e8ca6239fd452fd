// Run once by scripts/test.sh before the browser tests: the centre head sets up her two-step sign-in
// (required for her role; apiClient does it as the app would) and records the recruitment screening
// of the test accounts (III.1.b), without which no one may open a case (I.3.c), and the case
// worker's qualifications (I.2.d).
import { apiClient, HEAD_USER, USER } from './helpers.mjs';

const head = await apiClient(HEAD_USER);
const worker = await apiClient(USER);
const at = new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
for (const subject of [head.user.id, worker.user.id]) {
  await head.post('/centre/records', {
    type: 'recruitment_screening',
    occurred_at: at,
    subject,
    body: { ability: true, qualifications: true, moral_standing: true, judicial_record_checked: true, notes: '' },
  });
  await head.post('/centre/records', {
    type: 'staff_matching',
    occurred_at: at,
    subject,
    body: { sex: 'female', languages: ['vi'] },
  });
}
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
