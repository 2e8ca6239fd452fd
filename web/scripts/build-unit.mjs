#!/usr/bin/env node
// Transpiles the pure, DOM-free TS modules to tests/unit/.build/*.mjs so that
// `node --test` can import them (Node 18/20 cannot run TypeScript directly).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'tests', 'unit', '.build');
mkdirSync(out, { recursive: true });
// name -> source under src/, each written flat as .build/<name>.mjs.
const modules = {
  fold: 'fold.ts',
  sharedReading: 'sharedReading.ts',
  datetime: 'datetime.ts',
  vi: 'i18n/vi.ts',
  en: 'i18n/en.ts',
  schema: 'records/schema.ts',
  caseState: 'records/caseState.ts',
  format: 'format.ts',
  locale: 'i18n/locale.ts',
  deadlines: 'session/deadlines.ts',
  saver: 'drafts/saver.ts',
  submission: 'submission.ts',
  labels: 'labels.ts',
  correction: 'records/correction.ts',
  checks: 'records/checks.ts',
  duplicates: 'reception/duplicates.ts',
  roles: 'roles.ts',
  actionLabels: 'casefile/labels.ts',
  describe: 'records/describe.ts',
  picker: 'records/picker.ts',
  formParts: 'records/formParts.ts',
  sections: 'casefile/sections.ts',
  documents: 'casefile/documents.ts',
  nextSteps: 'casefile/nextSteps.ts',
  queue: 'staffing/queue.ts',
  terms: 'disclosures/terms.ts',
  geometry: 'dashboard/geometry.ts',
  summary: 'assessment/summary.ts',
  prints: 'prints/content.ts',
  notifications: 'notifications/items.ts',
  reading: 'notifications/reading.ts',
};
// Each relative import of a module in the list becomes an import of its transpiled file; the i18n
// module (which pulls in Preact) becomes the stub; type-only imports vanish in transpiling.
const builtAs = new Map(Object.entries(modules).map(([name, path]) => [path.replace(/\.tsx?$/, ''), `./${name}.mjs`]));
for (const [name, path] of Object.entries(modules)) {
  const file = join(root, 'src', path);
  const js = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  }).outputText.replace(/from '(\.\.?\/[^']*)'/g, (_, spec) => {
    const target = posix.join(posix.dirname(path), spec);
    if (target === 'i18n' || target === 'i18n/index') return "from './i18n-stub.mjs'";
    const built = builtAs.get(target);
    if (!built) throw new Error(`${path} imports ${spec}, which is not in build-unit.mjs's list of pure modules`);
    return `from '${built}'`;
  });
  writeFileSync(join(out, `${name}.mjs`), js);
}
writeFileSync(join(out, 'i18n-stub.mjs'), 'export const k = (key) => key;\n');
