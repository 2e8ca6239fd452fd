// Staff a browser test needs beyond the run's own (setup.mjs), made as a centre gets them: an account
// made by an administrator, activated by its owner, confirmed by the head (not its maker), and, when
// asked, screened (III.1.b) and given a matching profile (I.2.b, II.1.b).
import assert from 'node:assert/strict';
import { apiClient, BASE_URL, HEAD_USER, PASSWORD, randomWord } from './helpers.mjs';

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * A member of the head's centre. `screened` false leaves their recruitment screening unrecorded.
 * Returns { id, username, display_name }.
 */
export async function addStaff({ display_name, role, screened = true, sex = 'female', languages = ['vi'], qualifications = [] }) {
  const head = await apiClient(HEAD_USER);
  // The administrator who set the centre up (setup.mjs): the other one meets two-step sign-in for
  // the first time in second-factor.test.mjs.
  const admin = await apiClient(process.env.HAVEN_TEST_SETUP_ADMIN ?? 'admin2');
  const username = `${role.replace('_', '')}.${randomWord(6).toLowerCase()}`;
  const made = await admin.post('/accounts', { centre_id: head.user.centre.id, username, display_name, role });
  const activated = await fetch(`${BASE_URL}/api/v1/account-activation`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, code: made.activation.code, password: PASSWORD }),
  });
  assert.ok(activated.ok, `activated (${activated.status} ${await activated.text()})`);
  await head.post(`/accounts/${made.id}/confirm`, {});
  const at = yesterday();
  if (screened) {
    await head.post('/centre/records', {
      type: 'recruitment_screening',
      occurred_at: at,
      subject: made.id,
      body: { ability: true, qualifications: true, moral_standing: true, judicial_record_checked: true, notes: '' },
    });
  }
  await head.post('/centre/records', { type: 'staff_matching', occurred_at: at, subject: made.id, body: { sex, languages } });
  for (const qualification of qualifications) {
    await head.post('/centre/records', {
      type: 'staff_qualification',
      occurred_at: at,
      subject: made.id,
      body: { qualification, title: 'Chứng chỉ tập huấn', issued_by: 'Trường Đại học Lao động - Xã hội' },
    });
  }
  return { id: made.id, username, display_name };
}
