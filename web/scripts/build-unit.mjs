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
for (const name of ['fold', 'datetime']) {
  const file = join(root, 'src', `${name}.ts`);
  const js = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  }).outputText;
  writeFileSync(join(out, `${name}.mjs`), js);
}
