#!/usr/bin/env node
// Checks the message catalogs: every locale has exactly the keys of _locales/en, with
// the same placeholders and a non-empty message, and every key the HTML (data-i18n) or
// the scripts (t('key')) name literally exists, and every reason id of the core has a translation. Exit 1 with a list of problems.
// Usage: node extension/tools/check-locales.mjs [extension dir]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[2] || join(dirname(fileURLToPath(import.meta.url)), '..');
const problems = [];
const load = (lang) => JSON.parse(readFileSync(join(root, '_locales', lang, 'messages.json'), 'utf8'));
const placeholders = (entry) => Object.keys(entry.placeholders || {}).sort().join(',');

const en = load('en');
for (const lang of readdirSync(join(root, '_locales'))) {
  const catalog = load(lang);
  for (const key of Object.keys(en)) {
    if (!(key in catalog)) problems.push(`${lang}: missing ${key}`);
    else if (!String(catalog[key].message || '').trim()) problems.push(`${lang}: empty ${key}`);
    else if (placeholders(catalog[key]) !== placeholders(en[key])) problems.push(`${lang}: placeholders of ${key} differ from en`);
  }
  for (const key of Object.keys(catalog)) if (!(key in en)) problems.push(`${lang}: extra key ${key}`);
}

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'pkg' || name === 'node_modules' || name === '_locales') continue;
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(html|js)$/.test(name)) yield path;
  }
}
const used = /data-i18n="([A-Za-z0-9_]+)"|\bt\('([A-Za-z0-9_]+)'\s*[,)]/g;
for (const path of files(root)) {
  for (const match of readFileSync(path, 'utf8').matchAll(used)) {
    const key = match[1] || match[2];
    if (!(key in en)) problems.push(`${path.slice(root.length + 1)}: unknown key ${key}`);
  }
}
const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
for (const match of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) {
  if (!(match[1] in en)) problems.push(`manifest.json: unknown key ${match[1]}`);
}

// Every reason id the Rust core can emit (`"sender.lookalike_domain"` in src/) needs its
// `reason_*` translation, or Japanese readers get English.
const core = join(root, '..', 'src');
function* rustFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* rustFiles(path);
    else if (name.endsWith('.rs')) yield path;
  }
}
try {
  statSync(core);
  const reasonId = /"((?:sender|link|content|auth|limit|claim|disguise)\.[a-z_]+)"/g;
  for (const path of rustFiles(core)) {
    for (const match of readFileSync(path, 'utf8').matchAll(reasonId)) {
      const key = `reason_${match[1].replace(/\./g, '_')}`;
      if (!(key in en)) problems.push(`${path.slice(core.length + 1)}: reason ${match[1]} has no ${key}`);
    }
  }
} catch {
  // Checking an extension folder without the core beside it: nothing to compare.
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`locales ok: ${Object.keys(en).length} keys`);
