// The server's OpenAPI document, as the server generates it: `haven openapi` prints it on stdout.
// The binary is $HAVEN_BIN, by default <repo>/build/dev/src/haven (scripts/test.sh builds it before
// the web checks run); $HAVEN_OPENAPI names a file holding the document instead. Used by the unit
// tests (tests/unit/records, openapi, generated-types) and by scripts/openapi-types.mjs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

let cached;

/** The document's JSON text, exactly as the server printed it. Throws, naming `haven openapi`, when it cannot be had. */
export function openApiText() {
  if (cached !== undefined) return cached;
  const file = process.env.HAVEN_OPENAPI;
  if (file) {
    try {
      cached = readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(`cannot read the OpenAPI document from HAVEN_OPENAPI=${file} (${e.message}); ` +
        'unset it to run `haven openapi` instead');
    }
    return cached;
  }
  const bin = process.env.HAVEN_BIN || `${repo}build/dev/src/haven`;
  try {
    cached = execFileSync(bin, ['openapi'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const why = e.code === 'ENOENT' ? 'no such file: build the server first (cmake --preset dev && cmake --build --preset dev)'
      : e.status != null ? `it exited with status ${e.status}${e.stderr ? `: ${String(e.stderr).trim()}` : ''}` : e.message;
    throw new Error(`\`${bin} openapi\` did not print the OpenAPI document (${why}). ` +
      'Set HAVEN_BIN to the haven binary, or HAVEN_OPENAPI to a file holding the output of `haven openapi`.');
  }
  return cached;
}

/** The document, parsed. */
export function openApiDocument() {
  return JSON.parse(openApiText());
}

/** The component a local `$ref` ("#/components/schemas/X") points at; throws when there is none. */
export function resolveRef(doc, ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) throw new Error(`not a local $ref: ${ref}`);
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) throw new Error(`$ref ${ref} points at nothing`);
    node = node[part];
  }
  return node;
}

/**
 * A family of records ("CaseRecord" or "CentreRecord") as the document describes it: every type in
 * the server's order (the discriminator mapping of `<family>`), the types staff post (that of
 * `New<family>`), and each type's body schema (the `body` of the schema the mapping names, normally
 * `<family>Body.<type>`) with its component name.
 */
export function recordFamily(doc, family) {
  const schemas = doc.components?.schemas ?? {};
  const mapping = (name) => {
    const m = schemas[name]?.discriminator?.mapping;
    if (!m || schemas[name].discriminator.propertyName !== 'type') {
      throw new Error(`the OpenAPI document has no components.schemas.${name} with a discriminator on "type"`);
    }
    return m;
  };
  const all = mapping(family);
  const posted = mapping(`New${family}`);
  const bodies = {};
  for (const [type, ref] of Object.entries(all)) {
    const record = resolveRef(doc, ref);
    const parts = record.allOf ?? [record];
    const body = parts.map((p) => p.properties?.body).find(Boolean);
    if (!body?.$ref) throw new Error(`${ref} has no body that refers to a component schema`);
    bodies[type] = { name: body.$ref.split('/').pop(), schema: resolveRef(doc, body.$ref) };
  }
  return { types: Object.keys(all), posted: Object.keys(posted), bodies };
}
