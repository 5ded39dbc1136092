#!/usr/bin/env node
// Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) sibling next to
// every compressible file of a built app, so `constellation serve` can send the
// smallest encoding a browser accepts without compressing on each request
// (tower-http's ServeDir picks `<file>.br` or `<file>.gz` by Accept-Encoding).
//
//   node scripts/precompress.mjs DIR   compress the files under DIR
//   node scripts/precompress.mjs       as a trunk post_build hook: compress
//                                      $TRUNK_STAGING_DIR on release builds only
//
// A sibling is written only when it is smaller than the file; a stale one that
// is not smaller is removed, so a served variant is never the bigger choice.
// Uses only Node's built-in zlib: nothing to download.
import { readdirSync, readFileSync, writeFileSync, rmSync, existsSync, statSync } from 'node:fs';
import { join, extname, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/** File kinds worth compressing (PNG and other images are compressed already). */
export const COMPRESSIBLE = new Set(['.wasm', '.js', '.mjs', '.css', '.html', '.svg', '.webmanifest', '.json', '.txt', '.ftl']);

function brotli(data, ext) {
  return brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_MODE]: ext === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

function gzip(data) {
  return gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
}

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.stage') yield* files(path);
    } else if (entry.isFile()) {
      yield path;
    }
  }
}

/** Compresses every compressible file under `dir`; returns one row per file. */
export function precompress(dir) {
  const rows = [];
  for (const path of [...files(dir)]) {
    const ext = extname(path).toLowerCase();
    if (!COMPRESSIBLE.has(ext)) continue;
    const data = readFileSync(path);
    const row = { file: relative(dir, path), raw: data.length, br: null, gz: null };
    for (const [suffix, encode] of [['.br', (d) => brotli(d, ext)], ['.gz', gzip]]) {
      const packed = encode(data);
      const sibling = path + suffix;
      if (packed.length < data.length) {
        writeFileSync(sibling, packed);
        row[suffix.slice(1)] = packed.length;
      } else if (existsSync(sibling)) {
        rmSync(sibling);
      }
    }
    rows.push(row);
  }
  return rows;
}

function main() {
  let dir = process.argv[2];
  if (!dir) {
    dir = process.env.TRUNK_STAGING_DIR;
    if (!dir) {
      console.error('precompress.mjs: give the directory to compress (node scripts/precompress.mjs dist), or run it as a trunk hook');
      process.exit(2);
    }
    // Debug builds are served as they are: compressing a large debug wasm at
    // quality 11 would only slow the edit-build loop down.
    if (process.env.TRUNK_PROFILE !== 'release') return;
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`precompress.mjs: ${dir} is not a directory`);
    process.exit(2);
  }
  for (const { file, raw, br, gz } of precompress(dir)) {
    console.log(`precompress: ${file} ${raw} B -> br ${br ?? 'skipped (not smaller)'}, gz ${gz ?? 'skipped (not smaller)'}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
