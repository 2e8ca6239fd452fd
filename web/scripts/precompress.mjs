// Compresses the built UI ahead of time, so the server sends the 200 KB bundle as about 50 KB without
// spending a CPU on it per request: "app.js" gets "app.js.br" (brotli, best) and "app.js.gz" (gzip,
// best) beside it, when they are smaller. The server (src/http/static_assets.cpp) picks one by the
// browser's Accept-Encoding.
//
//   node scripts/precompress.mjs [dist]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|txt|map)$/;
const root = process.argv[2] ?? 'dist';

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.test(name)) yield path;
  }
}

let before = 0;
let after = 0;
for (const path of files(root)) {
  const content = readFileSync(path);
  const br = brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  });
  const gz = gzipSync(content, { level: 9 });
  if (br.length < content.length) writeFileSync(`${path}.br`, br);
  if (gz.length < content.length) writeFileSync(`${path}.gz`, gz);
  before += content.length;
  after += Math.min(br.length, content.length);
}
console.log(`precompressed ${root}: ${Math.round(before / 1024)} KiB -> ${Math.round(after / 1024)} KiB with brotli`);
