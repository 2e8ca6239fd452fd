#!/usr/bin/env node
// Verifies that the vi and en catalogs have exactly the same keys (and the same
// {placeholders}), and that every key used in the source as t('…') or k('…') exists.
// Exits 1 listing the differences.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

async function loadCatalog(name) {
  const file = join(src, 'i18n', `${name}.ts`);
  const out = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  }).outputText;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(out).toString('base64')}`);
  const cat = mod[name];
  if (!cat || typeof cat !== 'object') throw new Error(`src/i18n/${name}.ts must export const ${name}`);
  return cat;
}

function walk(dir) {
  const files = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) files.push(...walk(p));
    else if (/\.(ts|tsx)$/.test(e) && !p.includes(`${join('src', 'i18n')}`)) files.push(p);
  }
  return files;
}

const placeholders = (s) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

const vi = await loadCatalog('vi');
const en = await loadCatalog('en');
const problems = [];

for (const key of Object.keys(vi)) if (!(key in en)) problems.push(`missing in en: ${key}`);
for (const key of Object.keys(en)) if (!(key in vi)) problems.push(`missing in vi: ${key}`);
for (const key of Object.keys(vi)) {
  if (key in en && placeholders(vi[key]) !== placeholders(en[key]))
    problems.push(`placeholders differ for ${key}: vi {${placeholders(vi[key])}} en {${placeholders(en[key])}}`);
  if (typeof vi[key] !== 'string' || !vi[key].trim()) problems.push(`empty vi message: ${key}`);
  if (key in en && (typeof en[key] !== 'string' || !en[key].trim())) problems.push(`empty en message: ${key}`);
}

const used = new Set();
const re = /(?<![\w$])(?:t|k)\(\s*(['"`])([^'"`$]+?)\1\s*[,)]/g;
for (const file of walk(src)) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(re)) {
    const key = m[2];
    used.add(key);
    if (!(key in vi)) problems.push(`unknown key ${key} used in ${file.slice(root.length + 1)}`);
  }
}

const unused = Object.keys(vi).filter((k) => !used.has(k));
if (unused.length) console.log(`note: ${unused.length} catalog key(s) not referenced literally: ${unused.join(', ')}`);

if (problems.length) {
  console.error(`i18n check failed (${problems.length}):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`i18n ok: ${Object.keys(vi).length} keys in vi and en, ${used.size} used in source`);
