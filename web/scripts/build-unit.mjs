#!/usr/bin/env node
// Transpiles the pure, DOM-free TS modules to tests/unit/.build/*.mjs so that
// `node --test` can import them (Node 18/20 cannot run TypeScript directly).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'tests', 'unit', '.build');
mkdirSync(out, { recursive: true });
// name -> source under src/, each written flat as .build/<name>.mjs; an import of one of them, from
// wherever, is pointed at its .mjs, and imports of the i18n module (which pulls in Preact) at a stub
// whose k() is the identity, as the real one is.
const modules = {
  fold: 'fold.ts',
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
  picker: 'records/picker.ts',
  formParts: 'records/formParts.ts',
  sections: 'casefile/sections.ts',
  nextSteps: 'casefile/nextSteps.ts',
};
for (const [name, path] of Object.entries(modules)) {
  const file = join(root, 'src', path);
  const js = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  })
    .outputText.replace(/from '((?:\.\.?\/)+(?:[\w]+\/)*)(\w+)'/g, (whole, dir, base) =>
      base === 'i18n' ? "from './i18n-stub.mjs'" : base in modules ? `from './${base}.mjs'` : whole);
  writeFileSync(join(out, `${name}.mjs`), js);
}
writeFileSync(join(out, 'i18n-stub.mjs'), 'export const k = (key) => key;\n');
