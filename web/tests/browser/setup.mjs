// Run once by scripts/test.sh before the browser tests: the centre head sets up her two-step sign-in
// (required for her role; apiClient does it as the app would) and records the recruitment screening
// of the test accounts (III.1.b), without which no one may open a case (I.3.c).
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
console.log('browser test setup: staff screened');
