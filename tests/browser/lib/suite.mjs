// The browser test suite, run once per browser (chromium.test.mjs, firefox.test.mjs).
// Waits are polls of the page with a 10 s cap, never fixed sleeps.
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureServer, MAIL_HOSTS, GMAIL_HOST } from './fixture-server.mjs';
import { MESSAGES, probeMessage, checkExpectation, clickSelector } from './scenarios.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const EXT_DIR = path.resolve(process.env.CODEGUARD_EXT || path.join(HERE, '../../../dist/extension'));
export const OUT_DIR = path.resolve(HERE, '../out');
const WAIT_MS = 10000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function checkExtensionBuilt() {
  for (const f of ['manifest.json', 'pkg/codeguard.js', 'pkg/codeguard_bg.wasm']) {
    if (!fs.existsSync(path.join(EXT_DIR, f))) throw new Error(`${EXT_DIR}/${f} missing: run ./build.sh first`);
  }
}

/** Polls `probe` until `check(state)` returns null; fails with the last problem after WAIT_MS. */
export async function waitUntil(what, probe, check, timeout = WAIT_MS) {
  const deadline = Date.now() + timeout;
  let state;
  let problem;
  for (;;) {
    try {
      state = await probe();
      problem = check(state);
    } catch (e) {
      problem = `probe failed: ${e.message}`;
    }
    if (problem === null) return state;
    if (Date.now() > deadline) break;
    await sleep(100);
  }
  assert.fail(`${what}: ${problem}\nlast state: ${JSON.stringify(state)}`);
}

export function expectMessage(driver, msg, expect) {
  return waitUntil(`${driver.name} ${msg.url || msg.id || msg.convid} should be ${expect}`,
    () => driver.eval(probeMessage, msg), (s) => checkExpectation(msg, expect, s));
}

export function expectBadge(driver, text) {
  return waitUntil(`${driver.name} badge should be "${text}"`, () => driver.badge(),
    (b) => (b.text === text ? null : `badge "${b.text}"`));
}

const isRed = (c) => Array.isArray(c) && c[0] >= 150 && c[1] < 90 && c[2] < 90;

/** Runs IN THE PAGE: where the core ran for this page (extension/README.md: local | background). */
function coreLocation() {
  return document.documentElement.getAttribute('data-codeguard-core');
}

const MICROSOFT = ['microsoft.com', 'live.com', 'aka.ms'];
const isMicrosoftUrl = (href) => {
  try {
    const u = new URL(href);
    return u.protocol === 'https:' && MICROSOFT.some((d) => u.hostname === d || u.hostname.endsWith(`.${d}`));
  } catch { return false; }
};

/** Runs IN THE POPUP PAGE: what it shows (extension/popup.html hooks). */
function readPopup() {
  const attr = (sel, name) => { const el = document.querySelector(sel); return el ? el.getAttribute(name) : null; };
  return {
    ready: document.body.getAttribute('data-ready') === 'true',
    levels: [...document.querySelectorAll('#view-body [data-codeguard-popup-level]')].map((e) => e.getAttribute('data-codeguard-popup-level')),
    alarm: attr('#alarm-text', 'data-alarm'),
    steps: [...document.querySelectorAll('#steps-list > li')].map((li) => [...li.querySelectorAll('a[href]')].map((a) => a.href)),
    raw: attr('#raw-result [data-codeguard-raw]', 'data-codeguard-raw'),
    rawText: (document.getElementById('raw-result') || {}).textContent || '',
  };
}

/** Runs IN THE POPUP PAGE: pastes a message source and presses the check button. */
function pasteRaw(text) {
  const area = document.getElementById('raw-text');
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  document.getElementById('raw-check').click();
  return true;
}

/** Runs IN THE POPUP PAGE: drops an .eml file on the drop zone, as a person dragging a file would. */
function dropEml({ text, name }) {
  const dt = new DataTransfer();
  dt.items.add(new File([text], name, { type: 'message/rfc822' }));
  const zone = document.getElementById('drop-zone');
  zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
  zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  return true;
}

/** Runs IN THE PAGE: the text and language of the banners' (open) shadow roots. */
function readBanners() {
  return [...document.querySelectorAll('[data-codeguard-verdict]')].map((host) => {
    const root = host.shadowRoot;
    const langEl = root && root.querySelector('[lang]');
    return { level: host.getAttribute('data-codeguard-verdict'), text: root ? root.textContent : '', lang: langEl ? langEl.getAttribute('lang') : null };
  });
}

async function click(driver, selector) {
  assert.ok(await driver.eval(clickSelector, selector), `${selector} not in the page`);
}

// Requests that may reach a mail host: the fixture page's own files and, on Gmail, the message
// "original" (same origin, the person's own session). Anything else is a leak.
export function allowedSameOrigin(u) {
  if (/^\/fixture\/(gmail|outlook)\/[a-z-]+\.(js|css)$/.test(u.pathname) || u.pathname === '/favicon.ico') return true;
  return u.hostname === GMAIL_HOST && /^\/mail\/u\/\d+\/?$/.test(u.pathname) &&
    ['att', 'om'].includes(u.searchParams.get('view')) && /^msg-[af]:\d+$/.test(u.searchParams.get('permmsgid') || '');
}

/** Browser-side request log (Chromium): every http(s)/ws(s) request by page, content script or background. */
export function browserLeaks(requests) {
  const leaks = [];
  for (const r of requests) {
    let u;
    try { u = new URL(r.url); } catch { continue; }
    if (!/^(https?|wss?):$/.test(u.protocol)) continue; // chrome-extension:, data:, blob: stay in the browser
    if (r.worker) leaks.push(`background ${r.worker} requested ${r.url}`);
    else if (!MAIL_HOSTS.includes(u.hostname)) leaks.push(`request to ${u.hostname}: ${r.url} (frame ${r.frameUrl})`);
    else if (r.nav) continue; // the test's own navigations
    else if (!r.frameUrl || new URL(r.frameUrl).origin !== u.origin) leaks.push(`cross-origin ${r.url} from ${r.frameUrl}`);
    else if (!allowedSameOrigin(u) && !(r.type === 'cspreport' || u.pathname === '/cspreport')) leaks.push(`unexpected request ${r.url} from ${r.frameUrl}`);
  }
  return leaks;
}

// Firefox's own services (telemetry, remote settings, push...), not the extension's doing.
const BROWSER_OWN = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net|mozgcp\.net)$/;

/** Proxy log (Firefox): every host the browser tried to reach. */
export function proxyLeaks(attempts) {
  return attempts
    .filter((a) => !(MAIL_HOSTS.includes(a.host) && a.kind === 'connect') && !BROWSER_OWN.test(a.host))
    .map((a) => `${a.kind} ${a.url}`);
}

const isCspReport = (r) => r.method === 'POST' && r.host === GMAIL_HOST && r.path === '/cspreport';

/** Server-side log: what reached the mail hosts (both browsers). CSP reports are counted apart. */
export function serverLeaks(requests) {
  return requests
    .filter((r) => !(r.dest === 'document' || r.mode === 'navigate') && !isCspReport(r) &&
      !allowedSameOrigin(new URL(r.path, `https://${r.host}`)))
    .map((r) => `${r.method} https://${r.host}${r.path} (sec-fetch-site ${r.site}, mode ${r.mode})`);
}

/**
 * Defines the suite for one browser. `launch({extDir, port})` returns a driver (lib/chromium.mjs,
 * lib/firefox.mjs); `opts.requestLog` says the driver records browser-side requests;
 * `opts.strictCspCore` is where the core must run on a page whose CSP forbids eval ("background"
 * in Chromium, which refuses content-script wasm there; "local" in Firefox, which allows it).
 */
/**
 * The popup and banner follow the browser's language: Japanese needs Debian's chromium-l10n and
 * firefox-esr-l10n-ja (./build.sh test installs them). Writes screenshots (banner page, popup)
 * to tests/browser/out/screenshots/ or $CODEGUARD_SCREENSHOTS.
 */
export function languageSuite(name, launch) {
  for (const lang of ['en', 'ja']) {
    describe(`${name} in ${lang === 'ja' ? 'Japanese' : 'English'}`, { timeout: 120000 }, () => {
      let server;
      let driver;
      const messages = JSON.parse(fs.readFileSync(path.join(EXT_DIR, '_locales', lang, 'messages.json'), 'utf8'));
      const msg = (key) => messages[key].message;
      const shots = path.resolve(process.env.CODEGUARD_SCREENSHOTS || path.join(OUT_DIR, 'screenshots'));
      before(async () => {
        checkExtensionBuilt();
        fs.mkdirSync(shots, { recursive: true });
        server = await startFixtureServer();
        driver = await launch({ extDir: EXT_DIR, port: server.port, lang });
      });
      after(async () => {
        await driver?.close();
        await server?.close();
      });

      it(`banner and popup are in ${lang}`, async () => {
        await driver.open(MESSAGES.gmailFake.url);
        const page = await expectMessage(driver, MESSAGES.gmailFake, 'warn');
        const banners = await driver.eval(readBanners);
        assert.equal(banners.length, 1);
        assert.ok(banners[0].text.includes(msg(`level_${page.scanned}`)),
          `the banner shows the ${lang} level text "${msg(`level_${page.scanned}`)}": ${banners[0].text.slice(0, 200)}`);
        await driver.screenshot(path.join(shots, `${name}-banner-${lang}.png`));
        const popup = await driver.extensionPage('popup.html');
        try {
          const shown = await waitUntil(`${driver.name} popup`, () => popup.eval(readPopup),
            (p) => (p.ready && p.levels.length ? null : 'popup not ready or no verdict shown'));
          assert.deepEqual(shown.levels, [page.scanned]);
          const title = await popup.eval(() => ({ lang: document.documentElement.lang, steps: document.getElementById('steps-title').textContent }));
          assert.ok(title.lang.startsWith(lang), `popup language ${title.lang}`);
          assert.equal(title.steps, msg('popup_steps_title'));
          await popup.screenshot(path.join(shots, `${name}-popup-${lang}.png`));
        } finally {
          await popup.close();
        }
      });
    });
  }
}

export function browserSuite(name, launch, opts = {}) {
  describe(name, { timeout: 300000 }, () => {
    let server;
    let driver;

    before(async () => {
      checkExtensionBuilt();
      server = await startFixtureServer();
      driver = await launch({ extDir: EXT_DIR, port: server.port });
    });
    after(async () => {
      await driver?.close();
      await server?.close();
    });
    afterEach(async (t) => {
      // Keep a screenshot of a failure for the person debugging it (tests/browser/out/).
      if (!driver || !t.failed) return;
      fs.mkdirSync(OUT_DIR, { recursive: true });
      const file = path.join(OUT_DIR, `${name}-${t.name.replace(/[^a-z0-9]+/gi, '_').slice(0, 80)}.png`);
      await driver.screenshot(file).catch(() => {});
      if (driver.consoleLines?.length) console.log(`${name} console (last 20):\n${driver.consoleLines.slice(-20).join('\n')}`);
    });

    // First, on the fresh profile: the badge counts distinct code mails (3 different fakes).
    it('badge counts distinct code mails across Outlook and Gmail', async () => {
      assert.equal((await driver.badge()).text, '', 'a fresh profile starts with an empty badge');
      await driver.open(MESSAGES.liveFake.url);
      await expectMessage(driver, MESSAGES.liveFake, 'warn');
      await expectBadge(driver, '1');
      await driver.open(MESSAGES.officeFake.url);
      await expectMessage(driver, MESSAGES.officeFake, 'warn');
      await expectBadge(driver, '2');
      await driver.open(MESSAGES.gmailFake.url);
      await expectMessage(driver, MESSAGES.gmailFake, 'warn');
      await expectBadge(driver, '3');
      // Three unrequested fake code mails within hours: the repeated-code alarm turns the badge red.
      await waitUntil(`${driver.name} badge should turn red (alarm)`, () => driver.badge(),
        (b) => (isRed(b.color) ? null : `badge colour ${JSON.stringify(b.color)}`));
      // The same mail again is not a new one.
      await driver.open(MESSAGES.liveFake.url);
      await expectMessage(driver, MESSAGES.liveFake, 'warn');
      assert.equal((await driver.badge()).text, '3');
    });

    // Right after the three fakes: the popup (the trusted surface) agrees with the page.
    it('popup: verdict of the mail in view equals the page\'s, alarm on, five steps with official links', async () => {
      await driver.open(MESSAGES.gmailFake.url);
      const page = await expectMessage(driver, MESSAGES.gmailFake, 'warn');
      const popup = await driver.extensionPage('popup.html');
      try {
        const shown = await waitUntil(`${driver.name} popup`, () => popup.eval(readPopup),
          (p) => (p.ready && p.levels.length ? null : 'popup not ready or no verdict shown'));
        assert.deepEqual(shown.levels, [page.scanned], 'the popup shows the same level as the page');
        assert.equal(shown.alarm, 'on', 'the popup explains the repeated-code alarm');
        assert.equal(shown.steps.length, 5, 'the five steps');
        for (const [i, links] of shown.steps.entries()) {
          assert.ok(links.some(isMicrosoftUrl), `step ${i + 1} links to an official Microsoft page: ${links}`);
        }
      } finally {
        await popup.close();
      }
    });

    it('popup raw-source check: pasted passing original is "genuine", dropped DMARC-failing .eml "dangerous"', async () => {
      const popup = await driver.extensionPage('popup.html');
      try {
        await waitUntil(`${driver.name} popup`, () => popup.eval(readPopup), (p) => (p.ready ? null : 'popup not ready'));
        await popup.eval(pasteRaw, server.raw(MESSAGES.gmailProven.id));
        await waitUntil(`${driver.name} pasted source`, () => popup.eval(readPopup),
          (p) => (p.raw === 'genuine' ? null : `raw check "${p.raw}": ${p.rawText.slice(0, 200)}`));
        await popup.eval(dropEml, { text: server.raw(MESSAGES.gmailSpoofed.id), name: 'security-code.eml' });
        await waitUntil(`${driver.name} dropped .eml`, () => popup.eval(readPopup),
          (p) => (p.raw === 'dangerous' ? null : `raw check "${p.raw}": ${p.rawText.slice(0, 200)}`));
      } finally {
        await popup.close();
      }
    });

    const sites = [
      ['Gmail (strict CSP, Trusted Types)', 'gmail'],
      ['outlook.live.com', 'live'],
      ['outlook.office.com (Safe Links)', 'office'],
    ];
    for (const [label, key] of sites) {
      it(`${label}: fake code mail gets a warning banner and its links blocked`, async () => {
        await driver.open(MESSAGES[`${key}Fake`].url);
        await expectMessage(driver, MESSAGES[`${key}Fake`], 'warn');
        const strict = key === 'gmail';
        assert.equal(await driver.eval(coreLocation), strict ? opts.strictCspCore : 'local',
          strict ? 'where the core ran under a CSP without eval' : 'the core runs in the content script where the page allows wasm');
      });
      it(`${label}: genuine-looking code mail is "unverified", no warning, official links kept`, async () => {
        await driver.open(MESSAGES[`${key}Genuine`].url);
        await expectMessage(driver, MESSAGES[`${key}Genuine`], 'unverified');
      });
      it(`${label}: ordinary mail is scanned "none" with no banner`, async () => {
        await driver.open(MESSAGES[`${key}Ordinary`].url);
        await expectMessage(driver, MESSAGES[`${key}Ordinary`], 'none');
      });
    }

    it('outlook.office365.com (strict CSP): fake warned, genuine unverified', async () => {
      await driver.open(MESSAGES.office365Fake.url);
      await expectMessage(driver, MESSAGES.office365Fake, 'warn');
      assert.equal(await driver.eval(coreLocation), opts.strictCspCore, 'where the core ran under a CSP without eval');
      await driver.open(MESSAGES.office365Genuine.url);
      await expectMessage(driver, MESSAGES.office365Genuine, 'unverified');
    });

    it('outlook.cloud.microsoft: fake code mail warned', async () => {
      await driver.open(MESSAGES.cloudFake.url);
      await expectMessage(driver, MESSAGES.cloudFake, 'warn');
    });

    it('Gmail thread switch (hash change): the new thread\'s message is analyzed', async () => {
      await driver.open(MESSAGES.gmailOrdinary.url);
      await expectMessage(driver, MESSAGES.gmailOrdinary, 'none');
      await click(driver, `tr.zA[data-thread="${MESSAGES.gmailFake.thread}"]`);
      await expectMessage(driver, MESSAGES.gmailFake, 'warn');
      const old = await driver.eval(probeMessage, MESSAGES.gmailOrdinary);
      assert.equal(old.found, false, 'the old thread view is gone');
    });

    it('Gmail: expanding a collapsed message analyzes it too', async () => {
      await driver.open(MESSAGES.gmailFake.url);
      await expectMessage(driver, MESSAGES.gmailFake, 'warn');
      await click(driver, `[role="listitem"][aria-expanded="false"] [data-message-id="#msg-f:${MESSAGES.gmailFakeOlder.id}"]`);
      await expectMessage(driver, MESSAGES.gmailFakeOlder, 'warn');
    });

    it('outlook.live.com pushState switch: ordinary -> fake, the new message is analyzed', async () => {
      await driver.open(MESSAGES.liveOrdinary.url);
      await expectMessage(driver, MESSAGES.liveOrdinary, 'none');
      await click(driver, `#MailList [role="option"][data-convid="${MESSAGES.liveFake.convid}"]`);
      await expectMessage(driver, MESSAGES.liveFake, 'warn');
    });

    it('outlook.office.com pushState switch: fake -> genuine, the old banner goes, links kept', async () => {
      await driver.open(MESSAGES.officeFake.url);
      await expectMessage(driver, MESSAGES.officeFake, 'warn');
      await click(driver, `#MailList [role="option"][data-convid="${MESSAGES.officeGenuine.convid}"]`);
      await expectMessage(driver, MESSAGES.officeGenuine, 'unverified');
    });

    it('a blocked link goes nowhere when clicked', async () => {
      await driver.open(MESSAGES.liveFake.url);
      await expectMessage(driver, MESSAGES.liveFake, 'warn');
      const before = server.requests.length;
      const result = await driver.eval(() => {
        const a = document.querySelector('[data-codeguard-link="blocked"]');
        const ev = new MouseEvent('click', { bubbles: true, cancelable: true, view: window });
        const notCancelled = a.dispatchEvent(ev);
        return { notCancelled, href: a.getAttribute('href'), url: location.href };
      });
      // Either the click is cancelled, or the link has no real target left.
      assert.ok(!result.notCancelled || !result.href || !/^https?:/i.test(result.href),
        `click on a blocked link was not stopped: ${JSON.stringify(result)}`);
      assert.equal(await driver.eval(() => location.href), result.url, 'the page did not navigate');
      assert.equal(server.requests.length, before, 'no request followed the click');
    });

    // Issue 5: the page side survives the site and stays quiet.
    for (const [label, msg, rerender] of [
      ['Outlook re-renders the reading pane (React)', 'liveFake', () => window.dispatchEvent(new PopStateEvent('popstate'))],
      ['Gmail re-renders the thread view', 'gmailFake', () => window.dispatchEvent(new HashChangeEvent('hashchange'))],
    ]) {
      it(`${label}: the new DOM is analyzed again, banner and blocking re-applied`, async () => {
        await driver.open(MESSAGES[msg].url);
        await expectMessage(driver, MESSAGES[msg], 'warn');
        await driver.eval(() => {
          for (const el of document.querySelectorAll('[data-codeguard-scanned]')) el.setAttribute('data-test-old-render', '');
        });
        await driver.eval(rerender);
        await waitUntil('the site re-rendered the message', () => driver.eval(() => document.querySelectorAll('[data-test-old-render]').length),
          (n) => (n === 0 ? null : 'old DOM still in the page'));
        await expectMessage(driver, MESSAGES[msg], 'warn');
      });
    }

    it('once a message is handled, codeguard stops touching the page (no observer loop)', async () => {
      await driver.open(MESSAGES.gmailFake.url);
      await expectMessage(driver, MESSAGES.gmailFake, 'warn');
      // Gmail: the verdict from the page comes first, the one with the original (raw) after it.
      await waitUntil('the Gmail original was part of the verdict', () => driver.eval(probeMessage, MESSAGES.gmailFake),
        (st) => (st.source === 'raw' ? null : `data-codeguard-source="${st.source}"`));
      // Count every DOM mutation for 750 ms (the page itself is idle by then).
      const mutations = await driver.eval(() => new Promise((resolve) => {
        let n = 0;
        const seen = [];
        const mo = new MutationObserver((records) => {
          n += records.length;
          for (const r of records.slice(0, 3)) seen.push(`${r.type} ${r.target.nodeName} ${r.attributeName || ''}`);
        });
        mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        setTimeout(() => { mo.disconnect(); resolve({ n, seen: seen.slice(0, 10) }); }, 750);
      }));
      assert.equal(mutations.n, 0, `mutations while nothing happens: ${JSON.stringify(mutations.seen)}`);
    });

    it('a mail painting its own "codeguard: Genuine" banner: ours says the truth, and so does the popup', async () => {
      await driver.open(MESSAGES.liveFakeBanner.url);
      const page = await expectMessage(driver, MESSAGES.liveFakeBanner, 'warn');
      const popup = await driver.extensionPage('popup.html');
      try {
        const shown = await waitUntil(`${driver.name} popup`, () => popup.eval(readPopup),
          (p) => (p.ready && p.levels.length ? null : 'popup not ready or no verdict shown'));
        assert.deepEqual(shown.levels, [page.scanned], 'the popup shows the real verdict');
      } finally {
        await popup.close();
      }
    });

    // Issue 4: on Gmail the content script fetches the message's original (same origin) and the
    // core proves or disproves the visible mail with the authentication results.
    it('Gmail original passing SPF/DKIM/DMARC for accountprotection.microsoft.com: "genuine"', async () => {
      await driver.open(MESSAGES.gmailProven.url);
      await expectMessage(driver, MESSAGES.gmailProven, 'genuine');
    });
    it('Gmail original failing DMARC behind a genuine-looking mail: "dangerous" (its official links stay)', async () => {
      await driver.open(MESSAGES.gmailSpoofed.url);
      await expectMessage(driver, MESSAGES.gmailSpoofed, 'dangerous');
    });

    // Issue 5: nothing leaves the mail site. Runs last, over everything the suite did.
    it('privacy: no request left the mail hosts, only same-origin page files and Gmail\'s original', async (t) => {
      const reached = serverLeaks(server.requests);
      assert.deepEqual(reached, [], 'requests reached the fixture mail hosts that were neither pages, page files nor the Gmail original');
      assert.ok(server.requests.some((r) => r.host === GMAIL_HOST && /view=att/.test(r.path)),
        'the Gmail original fetch was seen (the log is not empty by accident)');
      // A content script's refused wasm compile makes the browser report a CSP violation to the
      // site, which tells the site the extension is there. Once per site and profile at most
      // (the extension remembers the refusal), never once per message or page load.
      const reports = server.requests.filter(isCspReport);
      if (reports.length) t.diagnostic(`CSP violation reports sent to the mail site: ${reports.length}: ${reports.map((r) => r.body).join(' | ').slice(0, 600)}`);
      assert.ok(reports.length <= 1, `CSP violation reports: ${reports.length} (at most 1 per site and profile)`);
      if (driver.proxyAttempts) {
        assert.ok(driver.proxyAttempts.some((a) => a.host === GMAIL_HOST), 'the proxy log is being recorded');
        assert.deepEqual(proxyLeaks(driver.proxyAttempts), [], 'the browser tried to reach hosts other than the mail hosts');
        const own = [...new Set(driver.proxyAttempts.filter((a) => BROWSER_OWN.test(a.host)).map((a) => a.host))];
        if (own.length) t.diagnostic(`Firefox's own services, refused and not counted: ${own.join(', ')}`);
      }
      if (opts.requestLog) {
        assert.ok(driver.requests.length > 10, 'the browser request log is being recorded');
        assert.deepEqual(browserLeaks(driver.requests), [], 'requests left the mail site');
      }
    });
  });
}
