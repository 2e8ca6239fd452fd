#!/usr/bin/env node
// Writes src/generated/records.ts from the server's OpenAPI document (`haven openapi`, see
// openapi-document.mjs): the record type names of a case and of the centre as string-literal unions
// (all of them, and those staff post), and each type's body as an interface, with the TypeScript
// types the body's JSON Schema gives. `npm run gen:types` runs it; tests/unit/generated-types.test.mjs
// regenerates in memory and fails when the checked-in file differs.
//
//   node scripts/openapi-types.mjs            write src/generated/records.ts
//   node scripts/openapi-types.mjs --check    exit 1 when it differs from what would be written
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument, recordFamily, resolveRef } from './openapi-document.mjs';

export const outputPath = fileURLToPath(new URL('../src/generated/records.ts', import.meta.url));

const literal = (v) => (typeof v === 'string' ? `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(v));
const pascal = (name) => name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
const isIdentifier = (name) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
const key = (name) => (isIdentifier(name) ? name : literal(name));
const comment = (text, indent) => {
  const lines = text.replace(/\*\//g, '*\\/').split('\n');
  return lines.length === 1 ? `${indent}/** ${lines[0]} */\n` : `${indent}/**\n${lines.map((l) => `${indent} * ${l}`).join('\n')}\n${indent} */\n`;
};
const union = (parts) => [...new Set(parts)].join(' | ') || 'never';
// Wraps a union or intersection before [] is put after it.
const element = (ts) => {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < ts.length; i++) {
    const c = ts[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === "'") quoted = false;
    } else if (c === '/' && ts[i + 1] === '*') i = ts.indexOf('*/', i + 2) + 1;
    else if (c === "'") quoted = true;
    else if ('{([<'.includes(c)) depth++;
    else if ('})]>'.includes(c)) depth--;
    else if (depth === 0 && (c === '|' || c === '&')) return `(${ts})`;
  }
  return ts;
};

/** The TypeScript type of a JSON Schema (the subset the server's record schemas use, and a little more). */
export function tsType(doc, schema, indent = '') {
  if (schema === true || schema === undefined) return 'unknown';
  if (schema === false) return 'never';
  if (schema.$ref) return tsType(doc, resolveRef(doc, schema.$ref), indent);
  if ('const' in schema) return literal(schema.const);
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.map(literal);
    const types = [].concat(schema.type ?? []);
    if (types.includes('null') && !schema.enum.includes(null)) values.push('null');
    return union(values);
  }
  if (schema.oneOf || schema.anyOf) return union((schema.oneOf ?? schema.anyOf).map((s) => tsType(doc, s, indent)));
  if (schema.allOf) return schema.allOf.map((s) => tsType(doc, s, indent)).join(' & ');
  const types = [].concat(schema.type ?? []);
  if (types.length === 0) return schema.properties ? objectType(doc, schema, indent) : 'unknown';
  return union(types.map((t) => {
    switch (t) {
      case 'string': return 'string';
      case 'integer':
      case 'number': return 'number';
      case 'boolean': return 'boolean';
      case 'null': return 'null';
      case 'array': {
        if (Array.isArray(schema.prefixItems)) return `[${schema.prefixItems.map((s) => tsType(doc, s, indent)).join(', ')}]`;
        return `${element(tsType(doc, schema.items, indent))}[]`;
      }
      case 'object': return objectType(doc, schema, indent);
      default: throw new Error(`unknown JSON Schema type ${t}`);
    }
  }));
}

function members(doc, schema, indent) {
  const required = new Set(schema.required ?? []);
  let out = '';
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const notes = [property.description, property.format && `Format: ${property.format}.`].filter(Boolean).join(' ');
    if (notes) out += comment(notes, indent);
    out += `${indent}${key(name)}${required.has(name) ? '' : '?'}: ${tsType(doc, property, indent)};\n`;
  }
  const extra = schema.additionalProperties;
  if (extra !== undefined && extra !== false && !(extra === true && !schema.properties)) {
    out += `${indent}[key: string]: ${extra === true ? 'unknown' : tsType(doc, extra, indent)};\n`;
  }
  return out;
}

function objectType(doc, schema, indent) {
  if (!schema.properties || Object.keys(schema.properties).length === 0) {
    const extra = schema.additionalProperties;
    if (extra === false) return 'Record<string, never>';
    return `Record<string, ${extra && extra !== true ? tsType(doc, extra, indent) : 'unknown'}>`;
  }
  return `{\n${members(doc, schema, `${indent}  `)}${indent}}`;
}

function typeUnion(name, types, doc) {
  return `${comment(doc, '')}export type ${name} =\n${types.map((t) => `  | ${literal(t)}`).join('\n')};\n`;
}

/** The text of src/generated/records.ts for a document. */
export function generateRecordTypes(doc) {
  const families = [
    { family: 'CaseRecord', what: 'case record', prefix: 'Case' },
    { family: 'CentreRecord', what: "centre record (about a member of staff or the centre)", prefix: 'Centre' },
  ];
  const seen = new Map();
  let out = '// Generated from the server\'s OpenAPI document (`haven openapi`) by scripts/openapi-types.mjs.\n' +
    '// Do not edit: run `npm run gen:types` after the server\'s record types change.\n' +
    '// tests/unit/generated-types.test.mjs fails when this file and the document differ.\n';
  for (const { family, what, prefix } of families) {
    const { types, posted, bodies } = recordFamily(doc, family);
    out += '\n';
    out += typeUnion(`${prefix}RecordType`, types, `Every type of ${what}, in the server's order (${family}'s discriminator).`);
    out += '\n';
    out += typeUnion(`New${prefix}RecordType`, posted,
      `The ${what} types staff post (New${family}'s discriminator); the server writes the others itself.`);
    const names = {};
    for (const type of types) {
      const { name: component, schema } = bodies[type];
      const name = `${pascal(type)}Body`;
      if (seen.has(name)) throw new Error(`${name} would name the bodies of both ${seen.get(name)} and ${family}.${type}`);
      seen.set(name, `${family}.${type}`);
      names[type] = name;
      const notes = [`The body of a record of type ${type} (components.schemas["${component}"]).`, schema.description].filter(Boolean).join(' ');
      out += `\n${comment(notes, '')}`;
      if (schema.type === 'object' && schema.properties && Object.keys(schema.properties).length > 0) {
        out += `export interface ${name} {\n${members(doc, schema, '  ')}}\n`;
      } else {
        out += `export type ${name} = ${tsType(doc, schema)};\n`;
      }
    }
    out += `\n${comment(`The body of each type of ${what}.`, '')}export interface ${prefix}RecordBodies {\n`;
    for (const type of types) out += `  ${key(type)}: ${names[type]};\n`;
    out += '}\n';
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = generateRecordTypes(openApiDocument());
  if (process.argv.includes('--check')) {
    let current = '';
    try { current = readFileSync(outputPath, 'utf8'); } catch { /* missing: differs */ }
    if (current !== text) {
      console.error(`${outputPath} differs from the server's OpenAPI document: run \`npm run gen:types\``);
      process.exit(1);
    }
  } else {
    mkdirSync(dirname(outputPath), { recursive: true });
    writeFileSync(outputPath, text);
    console.log(`wrote ${outputPath}`);
  }
}
