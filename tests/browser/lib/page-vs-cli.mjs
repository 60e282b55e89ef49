// The page path against the raw path. Every .eml under tests/fixtures/mail/ (and, for local
// runs, corpus mail: CODEGUARD_CORPUS=/path) is rendered into the fixture Outlook and Gmail
// pages, where the extension's real adapters read it as the browser renders it; the verdict
// there must not be more lenient than the CLI's on the same file.
//
// "As lenient", honestly: levels rank none < genuine = unverified < suspicious < dangerous.
// The page cannot see headers, so the CLI's level is recomputed without the reasons whose
// evidence is only in headers (authentication, Reply-To, Return-Path, several From lines),
// by the core's own rule (src/verdict.rs: any danger → dangerous, any warning → suspicious,
// else unverified). The page's level must rank at least as high; in particular the page must
// make a claim whenever the CLI does.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFixtureServer, CLI, GMAIL_HOST } from './fixture-server.mjs';
import { MESSAGES, probeMessage } from './scenarios.mjs';
import { EXT_DIR, checkExtensionBuilt, expectMessage } from './suite.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const MAIL_DIR = path.resolve(HERE, '../../fixtures/mail');
// Labels run from a corpus by default: the Microsoft-flagged ones (CODEGUARD_CORPUS_LABELS=all
// or a comma list for others).
const CORPUS_LABELS = ['phish-ms-code', 'phish-ms-other', 'legit-ms'];
const RANK = { none: 0, genuine: 1, unverified: 1, suspicious: 2, dangerous: 3 };
const SITES = ['outlook', 'gmail'];
const VERDICT_WAIT_MS = 10000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every .eml below `dir`, sorted. */
export function emlFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...emlFiles(full));
    else if (/\.eml$/i.test(entry.name)) out.push(full);
  }
  return out;
}

/** The corpus files with the wanted labels (index.tsv: file, …, label in the 4th column). */
export function corpusFiles(dir, labels = process.env.CODEGUARD_CORPUS_LABELS) {
  const wanted = labels ? labels.split(',').map((l) => l.trim()) : CORPUS_LABELS;
  return fs.readFileSync(path.join(dir, 'index.tsv'), 'utf8').split('\n').slice(1)
    .map((line) => line.split('\t'))
    .filter((cols) => cols.length > 3 && (wanted.includes('all') || wanted.includes(cols[3])))
    .map((cols) => path.join(dir, cols[0]));
}

/** The level the CLI's reasons give without those whose evidence is all in headers. */
export function levelWithoutHeaders(verdict) {
  if (verdict.claim === 'none') return 'none';
  const seen = verdict.reasons.filter((r) => !(r.evidence.length && r.evidence.every((e) => e.source === 'header')));
  if (seen.some((r) => r.severity === 'danger')) return 'dangerous';
  if (seen.some((r) => r.severity === 'warning')) return 'suspicious';
  return 'unverified';
}

/** The CLI's verdicts (`codeguard scan --json`), by file: {level, floor} or {error}. */
export function cliVerdicts(files) {
  const out = new Map();
  for (let i = 0; i < files.length; i += 100) {
    const lines = execFileSync(CLI, ['scan', '--json', ...files.slice(i, i + 100)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    for (const line of lines.split('\n').filter(Boolean)) {
      const v = JSON.parse(line);
      out.set(v.file, v.error ? { error: v.error } : { level: v.verdict, floor: levelWithoutHeaders(v) });
    }
  }
  return out;
}

// The verdict the extension wrote on the message (extension/README.md: data-codeguard-scanned).
async function pageVerdict(driver, loc) {
  const deadline = Date.now() + VERDICT_WAIT_MS;
  for (;;) {
    const state = await driver.eval(probeMessage, loc).catch(() => null);
    if (state && state.scanned) return state;
    if (Date.now() > deadline) return { scanned: 'no verdict', source: null };
    await sleep(50);
  }
}

/**
 * Opens each file on both sites and compares. Returns {rows, mismatches, passed, unreadable}:
 * a file passes when neither site is more lenient than the CLI.
 */
export async function comparePages(driver, server, files) {
  const cli = cliVerdicts(files);
  const rows = [];
  let unreadable = 0;
  for (const file of files) {
    const want = cli.get(file);
    if (!want || want.error) {
      unreadable++;
      continue;
    }
    for (const site of SITES) {
      const { url, loc } = server.mailPage(site, file);
      const logged = driver.consoleLines ? driver.consoleLines.length : 0;
      await driver.open(url);
      const state = await pageVerdict(driver, loc);
      // Chromium shows the content script's console: a read cut at its bounds says so there.
      const cut = driver.consoleLines ? driver.consoleLines.slice(logged).some((l) => l.includes('read cut short')) : null;
      const page = state.scanned;
      // On Gmail the original is never served for these pages: the verdict must be the page's own.
      const sourceOk = site !== 'gmail' || state.source === 'page';
      const lenient = !(page in RANK) || RANK[page] < RANK[want.floor] || !sourceOk;
      rows.push({ file, site, cli: want.level, floor: want.floor, page: sourceOk ? page : `${page} (from ${state.source})`,
        cut: cut === null ? '?' : cut ? 'yes' : 'no', lenient });
    }
  }
  const mismatches = rows.filter((r) => r.lenient);
  const failed = new Set(mismatches.map((r) => r.file));
  const judged = new Set(rows.map((r) => r.file));
  return { rows, mismatches, passed: judged.size - failed.size, judged: judged.size, unreadable };
}

/** The table of runs (mismatches, usually), one line per file and site. */
export function mismatchTable(runs, base) {
  const lines = runs.map((r) => [path.relative(base, r.file), r.site, r.cli, r.floor, r.page, r.cut]);
  const head = ['file', 'site', 'cli', 'cli w/o headers', 'page', 'read cut'];
  const width = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  return [head, ...lines].map((l) => l.map((c, i) => c.padEnd(width[i])).join('  ')).join('\n');
}

function report(name, what, result, base) {
  const stricter = result.rows.filter((r) => r.page in RANK && RANK[r.page] > RANK[r.floor]).length;
  const cut = result.rows.filter((r) => r.cut === 'yes').length;
  console.log(`${name} ${what}: ${result.passed} of ${result.judged} mails pass on both sites ` +
    `(${result.mismatches.length} page runs more lenient than the CLI, ${stricter} of ${result.rows.length} stricter, ` +
    `${result.unreadable} not readable by the CLI${result.rows[0]?.cut === '?' ? '' : `, ${cut} reads cut short`})`);
  if (result.mismatches.length) console.log(mismatchTable(result.mismatches, base));
  // CODEGUARD_PAGE_TABLE=1: every run, for a person comparing the two paths.
  if (process.env.CODEGUARD_PAGE_TABLE) console.log(mismatchTable(result.rows, base));
}

// What the reader must report for each fixture of tests/fixtures/mail/page/ (one per hiding
// technique): substrings of bodyText / hiddenText / imageText, text that must not be seen,
// and the exact disguises as "kind:text".
const READER_EXPECTS = {
  'before-content.eml': { body: ['for the Microsoft account co'], disguises: ['generated_content:Micro', 'generated_content:soft'] },
  'bidi-bdo.eml': { body: ['for the Microsoft account co', 'Security code: 615078'],
    disguises: ['reversed:Microsoft account', 'reversed:Security code:'] },
  'bidi-rlo.eml': { body: ['for the Microsoft account co'], disguises: ['reversed:Microsoft account'] },
  'genuine-code.eml': { body: ['Microsoft account\nSecurity code\n', 'Security code: 123456'], disguises: [] },
  'hidden-filler.eml': { body: ['unusual about a recent sign-in'], notBody: ['Microsoft', 'Only enter'],
    hidden: ['security code for the Microsoft account'], disguises: [
      'hidden_text:Please use the following security code for the Microsoft account. Security code: 000000',
      'hidden_text:Only enter this code on an official website or app. The Microsoft account team',
      "hidden_text:If you don't recognize the Microsoft account, you can click here to remove your email address from that account."] },
  'image-alt.eml': { body: ['Security code: 318824'], notBody: ['Microsoft'], image: ['Microsoft account\nMicrosoft account team'], disguises: [] },
  'inline-divs.eml': { body: ['for the Microsoft account co'], disguises: [] },
  'offscreen-clip.eml': { body: ['for the Microsoft account co'], notBody: ['parcel', 'zz', 'qq'], hidden: ['Your parcel is on its way.'],
    disguises: ['hidden_text:zz', 'hidden_text:qq', 'hidden_text:Your parcel is on its way.', 'split_word:Microsoft', 'split_word:account'] },
  'ordinary.eml': { body: ['Hi Ken,\nThe photos'], notBody: ['have a look'],
    disguises: ['hidden_text:The photos from the hike are up, have a look.'] },
  'plain-text.eml': { body: ['Microsoft account\nSecurity code\nPlease use', 'Security code: 558120'], disguises: [] },
  'split-colour.eml': { body: ['for the Microsoft account co'], notBody: ['Microq', 'accz'], hidden: ['q\nz'],
    disguises: ['hidden_text:q', 'hidden_text:z', 'split_word:Microsoft', 'split_word:account'] },
};

/** Runs IN THE PAGE (a reader page, no CSP): the shipped read-dom.js on #reader-root. */
function readFixture(source) {
  globalThis.codeguard = { platform: { logOnce() {} } };
  (0, eval)(source);
  return globalThis.codeguard.dom.readBody(document.getElementById('reader-root'));
}

/** What is wrong with one read, or null. */
export function readerProblems(read, want) {
  const problems = [];
  for (const s of want.body || []) if (!read.bodyText.includes(s)) problems.push(`bodyText lacks ${JSON.stringify(s)}`);
  for (const s of want.notBody || []) if (read.bodyText.includes(s)) problems.push(`bodyText shows ${JSON.stringify(s)}`);
  for (const s of want.hidden || []) if (!read.hiddenText.includes(s)) problems.push(`hiddenText lacks ${JSON.stringify(s)}`);
  for (const s of want.image || []) if (!read.imageText.includes(s)) problems.push(`imageText lacks ${JSON.stringify(s)}`);
  const got = read.disguises.map((d) => `${d.kind}:${d.text}`).sort();
  if (JSON.stringify(got) !== JSON.stringify([...want.disguises].sort())) problems.push(`disguises ${JSON.stringify(got)}`);
  return problems.length ? problems.join('; ') : null;
}

/**
 * Runs IN THE PAGE (outlook.live.com, no CSP): appends hostile HTML to the open message body,
 * a visible part with every hiding trick and then `bytes` of hidden filler (cheap for the
 * browser, which lays none of it out; long for a reader), and lays it out. Then counts the
 * longest gap between 5 ms timer ticks from there on: what a frozen page would show.
 */
function stuffBody(bytes) {
  const trick = '<p>Please use the following code for the Micro<span style="color:#fff">x</span>soft account. ' +
    '<span class="cg-h"></span><div style="display:inline">Sec</div>urity code: <b>123456</b> ' +
    '<bdo dir="rtl">tfosorciM</bdo><span style="position:absolute;left:-9999px">zz</span></p>';
  const filler = '<div><span>Microsoft account security code</span><b style="font-size:0">000000</b></div>';
  const extra = document.createElement('div');
  extra.innerHTML = '<style>.cg-h::before{content:"Micro"}</style>' + trick.repeat(200) +
    `<div style="display:none">${filler.repeat(Math.ceil(bytes / filler.length))}</div>`;
  document.querySelector('[id^="UniqueMessageBody"] [class^="rps_"]').appendChild(extra);
  document.body.getBoundingClientRect();
  const ticks = (window.cgTicks = { max: 0, last: performance.now() });
  setInterval(() => {
    const now = performance.now();
    ticks.max = Math.max(ticks.max, now - ticks.last);
    ticks.last = now;
  }, 5);
  return extra.innerHTML.length;
}

/** The suite for one browser, on its own fixture server and fresh profile. */
export function pageVsCliSuite(name, launch) {
  describe(`${name} page path`, { timeout: 4 * 3600000 }, () => {
    let server;
    let driver;
    before(async () => {
      checkExtensionBuilt();
      assert.ok(fs.existsSync(CLI), `${CLI} missing: run ./build.sh first (or set CODEGUARD_CLI)`);
      server = await startFixtureServer();
      driver = await launch({ extDir: EXT_DIR, port: server.port });
    });
    after(async () => {
      await driver?.close();
      await server?.close();
    });

    it('every .eml under tests/fixtures/mail/: the page is never more lenient than the CLI', async () => {
      const files = emlFiles(MAIL_DIR);
      assert.ok(files.length > 0, `no .eml under ${MAIL_DIR}`);
      const result = await comparePages(driver, server, files);
      report(name, 'fixtures', result, MAIL_DIR);
      const raw = server.requests.filter((r) => r.host === GMAIL_HOST && /[?&]view=att/.test(r.path));
      assert.ok(raw.every((r) => r.status === 404), 'no Gmail original is served for .eml pages');
      assert.equal(result.unreadable, 0, 'every fixture is a message the CLI reads');
      assert.equal(result.mismatches.length, 0, 'page runs more lenient than the CLI (table above)');
    });

    it('the reader reports what each tests/fixtures/mail/page/ mail hides, as the browser renders it', async () => {
      const files = emlFiles(path.join(MAIL_DIR, 'page'));
      assert.deepEqual(files.map((f) => path.basename(f)).sort(), Object.keys(READER_EXPECTS).sort(),
        'every page fixture states what the reader must see in it');
      const source = fs.readFileSync(path.join(EXT_DIR, 'adapters/read-dom.js'), 'utf8');
      const wrong = [];
      for (const file of files) {
        await driver.open(server.readerPage(file));
        const problem = readerProblems(await driver.eval(readFixture, source), READER_EXPECTS[path.basename(file)]);
        if (problem) wrong.push(`${path.basename(file)}: ${problem}`);
      }
      assert.deepEqual(wrong, []);
    });

    it('a 10 MB hostile body gets a verdict and does not freeze the page', async () => {
      const msg = MESSAGES.liveOrdinary;
      await driver.open(msg.url);
      await expectMessage(driver, msg, 'none');
      const bytes = await driver.eval(stuffBody, 10 * 1024 * 1024);
      assert.ok(bytes >= 10 * 1024 * 1024, `stuffed ${bytes} bytes`);
      // The read stops after its time budget with what it has: enough for a claim here.
      await expectMessage(driver, msg, 'warn');
      const { max } = await driver.eval(() => window.cgTicks);
      console.log(`${name}: longest main-thread stall after a 10 MB body was laid out: ${Math.round(max)} ms`);
      assert.ok(max < 1000, `the page's timers stalled ${Math.round(max)} ms while codeguard read the body`);
    });

    const corpus = process.env.CODEGUARD_CORPUS;
    it('corpus mail (CODEGUARD_CORPUS): the page is never more lenient than the CLI',
      { skip: !corpus && 'set CODEGUARD_CORPUS=/path to a corpus with index.tsv (local runs only)' }, async () => {
        const files = corpusFiles(corpus);
        assert.ok(files.length > 0, `no corpus files with the wanted labels in ${corpus}/index.tsv`);
        const result = await comparePages(driver, server, files);
        report(name, `corpus (${files.length} files)`, result, corpus);
        assert.equal(result.mismatches.length, 0, 'page runs more lenient than the CLI (table above)');
      });
  });
}
