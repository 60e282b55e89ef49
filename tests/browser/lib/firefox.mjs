// Real Firefox ESR (Debian's package) with the unpacked extension as a temporary add-on, driven
// through geckodriver with plain WebDriver HTTP calls. The mail host names resolve to 127.0.0.1
// (network.dns.localDomains) and port 443 is forced to the fixture server's port; on top, all
// traffic goes through a local recording proxy (lib/recording-proxy.mjs) for the privacy check.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, execFileSync } from 'node:child_process';
import { MAIL_HOSTS } from './fixture-server.mjs';
import { startRecordingProxy } from './recording-proxy.mjs';

export function firefoxPath() {
  for (const p of ['/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox']) {
    if (fs.existsSync(p)) return p;
  }
  throw new Error('Firefox not found: apt-get install firefox-esr (./build.sh test does it)');
}

function geckodriverPath() {
  const home = process.env.HOME || '/root';
  for (const p of [path.join(home, '.cargo/bin/geckodriver'), '/usr/local/bin/geckodriver', '/usr/bin/geckodriver']) {
    if (fs.existsSync(p)) return p;
  }
  try { return execFileSync('sh', ['-c', 'command -v geckodriver'], { encoding: 'utf8' }).trim(); } catch { /* below */ }
  throw new Error('geckodriver not found: cargo install geckodriver (./build.sh test does it)');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts geckodriver + Firefox with the add-on installed. Returns a driver:
 * { name, open(url), eval(fn, arg), badge(), close(), uuid, proxyAttempts }.
 */
export async function launchFirefox({ extDir, port, lang = 'en-US' }) {
  const manifest = JSON.parse(fs.readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error('manifest has no browser_specific_settings.gecko.id');
  const uuid = crypto.randomUUID();

  // Every request Firefox makes goes through this proxy, which records it (privacy check) and
  // tunnels only the mail hosts to the fixture server.
  const proxy = await startRecordingProxy({ fixturePort: port });
  const gdPort = await freePort();
  const log = [];
  // Own process group: close() ends geckodriver and the Firefox it started, and nothing else.
  const gd = spawn(geckodriverPath(), ['--port', String(gdPort), '--allow-system-access'],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  gd.stdout.on('data', (d) => log.push(String(d)));
  gd.stderr.on('data', (d) => log.push(String(d)));
  const base = `http://127.0.0.1:${gdPort}`;

  async function wd(method, route, body) {
    const res = await fetch(base + route, {
      method, headers: { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok || json.value?.error) {
      throw new Error(`WebDriver ${method} ${route}: ${json.value?.error || res.status} ${json.value?.message || ''}`);
    }
    return json.value;
  }

  let sid = null;
  const killGroup = () => {
    try { process.kill(-gd.pid, 'SIGTERM'); } catch { /* already gone */ }
    proxy.close().catch(() => {});
  };
  try {
    const deadline = Date.now() + 10000;
    for (;;) {
      try { if ((await wd('GET', '/status')).ready) break; } catch { /* not listening yet */ }
      if (Date.now() > deadline) throw new Error(`geckodriver did not start: ${log.join('')}`);
      await sleep(100);
    }
    const session = await wd('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'firefox',
          acceptInsecureCerts: true,
          pageLoadStrategy: 'normal',
          'moz:firefoxOptions': {
            binary: firefoxPath(),
            args: ['-headless'],
            prefs: {
              'network.dns.localDomains': MAIL_HOSTS.join(','),
              'network.socket.forcePort': `443=${port}`,
              'network.proxy.type': 1,
              'network.proxy.http': '127.0.0.1',
              'network.proxy.http_port': proxy.port,
              'network.proxy.ssl': '127.0.0.1',
              'network.proxy.ssl_port': proxy.port,
              'network.proxy.no_proxies_on': '',
              'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
              'intl.accept_languages': lang,
              'intl.locale.requested': lang,
              // Quiet: no update, telemetry, safe-browsing or captive-portal traffic.
              'app.update.enabled': false,
              'extensions.update.enabled': false,
              'datareporting.policy.dataSubmissionEnabled': false,
              'toolkit.telemetry.enabled': false,
              'browser.safebrowsing.malware.enabled': false,
              'browser.safebrowsing.phishing.enabled': false,
              'network.captive-portal-service.enabled': false,
              'network.connectivity-service.enabled': false,
              'browser.shell.checkDefaultBrowser': false,
            },
          },
        },
      },
    });
    sid = session.sessionId;
    await wd('POST', `/session/${sid}/moz/addon/install`, { path: extDir, temporary: true });
  } catch (e) {
    if (sid) await wd('DELETE', `/session/${sid}`).catch(() => {});
    killGroup();
    throw e;
  }
  const mainHandle = await wd('GET', `/session/${sid}/window`);
  const exec = (fn, arg) => wd('POST', `/session/${sid}/execute/sync`, {
    script: `return (${fn.toString()})(arguments[0]);`, args: [arg === undefined ? null : arg],
  });

  return {
    name: 'firefox',
    uuid,
    log,
    proxyAttempts: proxy.attempts,
    async open(url) {
      await wd('POST', `/session/${sid}/url`, { url: 'about:blank' });
      await wd('POST', `/session/${sid}/url`, { url });
    },
    eval: exec,
    // An extension page (e.g. 'popup.html') in a new tab: { eval(fn, arg), screenshot(file), close() }.
    async extensionPage(rel) {
      const { handle } = await wd('POST', `/session/${sid}/window/new`, { type: 'tab' });
      await wd('POST', `/session/${sid}/window`, { handle });
      await wd('POST', `/session/${sid}/url`, { url: `moz-extension://${uuid}/${rel}` });
      return {
        eval: exec,
        async screenshot(file) {
          fs.writeFileSync(file, Buffer.from(await wd('GET', `/session/${sid}/screenshot`), 'base64'));
        },
        async close() {
          await wd('DELETE', `/session/${sid}/window`).catch(() => {});
          await wd('POST', `/session/${sid}/window`, { handle: mainHandle });
        },
      };
    },
    // The global badge (text and colour [r, g, b, a]) as an extension page sees it (the popup, in a tab).
    async badge() {
      const page = await this.extensionPage('popup.html');
      try {
        const r = await wd('POST', `/session/${sid}/execute/async`, {
          script: `const done = arguments[arguments.length - 1];
            const api = globalThis.browser || globalThis.chrome;
            Promise.all([api.action.getBadgeText({}), api.action.getBadgeBackgroundColor({})])
              .then(([text, color]) => done({ text, color }), (e) => done({ error: String(e) }));`,
          args: [],
        });
        if (r.error) throw new Error(`badge: ${r.error}`);
        return { text: r.text, color: r.color };
      } finally {
        await page.close();
      }
    },
    async screenshot(file) {
      fs.writeFileSync(file, Buffer.from(await wd('GET', `/session/${sid}/screenshot`), 'base64'));
    },
    async close() {
      // Always end the session: a leftover one makes the next run fail ("Session is already started").
      try { await wd('DELETE', `/session/${sid}`); } catch { /* Firefox already gone */ }
      killGroup();
    },
  };
}
