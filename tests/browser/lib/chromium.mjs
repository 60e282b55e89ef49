// Real Chromium (Debian's package) with the unpacked extension, driven by playwright-core.
// The mail host names resolve to the fixture server; every other name fails to resolve, so
// nothing can leave the machine, and every request the pages or the extension make is recorded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { MAIL_HOSTS } from './fixture-server.mjs';

// Playwright reports the network events of service workers (our background) only with this set.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export function chromiumPath() {
  // /usr/bin/chromium is Debian's shell wrapper; Playwright wants the real binary.
  for (const p of ['/usr/lib/chromium/chromium', '/usr/lib/chromium-browser/chromium-browser']) {
    if (fs.existsSync(p)) return p;
  }
  throw new Error('Chromium not found: apt-get install chromium (./build.sh test does it)');
}

export function chromiumArgs(extDir, port) {
  const rules = [...MAIL_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
  return [
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
    `--host-resolver-rules=${rules}`,
    '--ignore-certificate-errors',
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage',
    // No --disable-features here: it would replace Playwright's own list (which turns off more
    // background traffic). Debian's Chromium still honours --load-extension.
  ];
}

/**
 * Launches Chromium with a fresh profile. Returns a driver:
 * { name, open(url), eval(fn, arg), badge(), requests, close(), page, context }.
 */
export async function launchChromium({ extDir, port, headless = true, lang = 'en-US', viewport = { width: 1280, height: 900 } }) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'codeguard-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless,
    args: [...chromiumArgs(extDir, port), `--lang=${lang}`],
    locale: lang,
    ignoreHTTPSErrors: true,
    viewport,
  });
  const requests = [];
  context.on('request', (r) => {
    let frameUrl = null;
    try { frameUrl = r.frame().url(); } catch { /* service-worker request: no frame */ }
    requests.push({ url: r.url(), method: r.method(), type: r.resourceType(), nav: r.isNavigationRequest(),
      frameUrl, worker: r.serviceWorker() ? r.serviceWorker().url() : null });
  });
  const consoleLines = [];
  const page = context.pages()[0] || await context.newPage();
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));

  async function worker() {
    const isOurs = (w) => w.url().startsWith('chrome-extension://');
    return context.serviceWorkers().find(isOurs) ||
      await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 10000 });
  }
  const sw = await worker();
  const extensionId = new URL(sw.url()).host;

  return {
    name: 'chromium',
    context,
    page,
    requests,
    consoleLines,
    extensionId,
    async open(url) {
      await page.goto('about:blank');
      await page.goto(url, { waitUntil: 'load' });
    },
    eval(fn, arg) {
      return page.evaluate(fn, arg);
    },
    // The global badge (text and background colour [r, g, b, a]) as the background sees it.
    async badge() {
      const w = await worker();
      return w.evaluate(async () => ({
        text: await chrome.action.getBadgeText({}),
        color: await chrome.action.getBadgeBackgroundColor({}),
      }));
    },
    async screenshot(file) {
      await page.screenshot({ path: file });
    },
    // An extension page (e.g. 'popup.html') in a new tab: { eval(fn, arg), screenshot(file), close() }.
    async extensionPage(rel) {
      const p = await context.newPage();
      p.on('console', (m) => consoleLines.push(`[ext ${m.type()}] ${m.text()}`));
      await p.goto(`chrome-extension://${extensionId}/${rel}`, { waitUntil: 'load' });
      return {
        // The Playwright page itself, for Chromium-only checks (keyboard, colour scheme).
        page: p,
        eval: (fn, arg) => p.evaluate(fn, arg),
        // The width a toolbar popup has, the whole page long.
        async screenshot(file) {
          await p.setViewportSize({ width: 420, height: 800 });
          await p.screenshot({ path: file, fullPage: true });
        },
        close: () => p.close(),
      };
    },
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
