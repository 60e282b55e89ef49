// HTTPS fixture server for the browser tests and the demo: serves the hand-written Gmail and
// Outlook pages of tests/fixtures/sites/ at the real host names (the browsers map those names to
// 127.0.0.1:PORT), picks the page by the Host header, and records every request it receives so
// the privacy test can check what reached the "mail site". It also builds a message page from
// any .eml (mailPage): the CLI's `codeguard render` says what the page shows, and the site's
// own page script renders it like a stored message.
//
//   node lib/fixture-server.mjs [PORT]     run it alone (prints the port; Ctrl-C stops it)
import https from 'node:https';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SITES_DIR = path.resolve(HERE, '../../fixtures/sites');
export const CLI = path.resolve(process.env.CODEGUARD_CLI || path.join(HERE, '../../../target/release/codeguard'));

// The message pages built from .eml files: Gmail thread token / Outlook conversation id (the
// page scripts know them), and the Gmail message ids, for which no original is ever served.
export const EML_THREAD = 'FMfcgzFixtureEml';
export const EML_CONVID = 'AQQkADAwATZiZmYAZC1fixtureEml';
const EML_ID_BASE = 1812345678999000000n;

export const GMAIL_HOST = 'mail.google.com';
export const OUTLOOK_HOSTS = ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft'];
export const MAIL_HOSTS = [GMAIL_HOST, ...OUTLOOK_HOSTS];

// Hosts served with a strict CSP: nonce/self scripts only, no 'unsafe-eval' / 'wasm-unsafe-eval'.
// Chromium then refuses to compile wasm in the content script there, so the extension must fall
// back to its background. Gmail also requires Trusted Types (it does since 2024) and, like Google,
// gets CSP violation reports at /cspreport: a refused wasm compile in the content script makes
// the browser POST one there (the privacy test counts them).
export const STRICT_CSP = {
  'mail.google.com': (nonce) =>
    `script-src 'self' 'nonce-${nonce}'; object-src 'none'; base-uri 'self'; require-trusted-types-for 'script'; report-uri /cspreport`,
  'outlook.office365.com': (nonce) => `script-src 'self' 'nonce-${nonce}'; object-src 'none'; base-uri 'self'`,
};

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** Makes a throw-away self-signed certificate for all mail hosts (openssl, EC P-256: fast). */
export function makeCertificate(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=codeguard fixture mail hosts',
    '-addext', `subjectAltName=${MAIL_HOSTS.map((h) => `DNS:${h}`).join(',')}`,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

function rfc2822(date) {
  const d = date.toUTCString().replace('GMT', '+0000'); // "Wed, 25 Nov 2026 03:10:00 +0000"
  return d.replace(/^(\w{3}), 0?(\d+)/, '$1, $2');
}

function gmailRaw(msgId, epoch) {
  if (!/^\d{1,25}$/.test(msgId)) return null;
  const file = path.join(SITES_DIR, 'gmail', 'raw', `${msgId}.eml`);
  if (!fs.existsSync(file)) return null;
  const date = rfc2822(new Date(epoch - 20 * 60000));
  return fs.readFileSync(file, 'utf8').replaceAll('{{DATE}}', date).replace(/\r?\n/g, '\r\n');
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * What a site shows of an .eml, from `codeguard render`: {senderName, senderAddress, subject,
 * html, text, attachments}. The HTML loses what the sites drop too (<meta> refreshes, <base>,
 * <link>, scripts: the page's CSP blocks inline handlers); a text-only mail is shown as text
 * with its URLs made links, as both sites do. Throws when the CLI cannot read the file.
 */
export function renderEml(file) {
  const parts = JSON.parse(execFileSync(CLI, ['render', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  let html = parts.html;
  if (html) {
    html = html.replace(/<script\b[\s\S]*?(<\/script\s*>|$)/gi, '').replace(/<(meta|base|link)\b[^>]*>/gi, '');
  } else {
    html = `<div dir="ltr" style="white-space:pre-wrap">${escapeHtml(parts.text).replace(/https?:\/\/[^\s<>"')\]]+/g,
      (url) => `<a href="${url}">${url}</a>`)}</div>`;
  }
  // Inside a <template>: its own closing tag would end the template early.
  return { ...parts, html: html.replace(/<\/template/gi, '&lt;/template') };
}

// The message page data: a JSON block (never run) and the body as a <template>, put into the
// site's page for its script to render (no innerHTML: Gmail's page requires Trusted Types).
function emlBlocks(mail, id) {
  const meta = { id, senderName: mail.senderName, senderAddress: mail.senderAddress, subject: mail.subject, attachments: mail.attachments };
  const json = JSON.stringify(meta).replace(/</g, '\\u003c');
  return `<script type="application/json" id="fixture-eml">${json}</script>\n<template id="body-eml">${mail.html}</template>\n`;
}

/**
 * Starts the server. Returns { port, requests, clearRequests(), close() }.
 * `requests` gets one entry per request: { time, host, method, path, site, mode, dest, origin, status }.
 */
export async function startFixtureServer({ port = 0 } = {}) {
  const certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'codeguard-cert-'));
  const { key, cert } = makeCertificate(certDir);
  const requests = [];
  // The mailboxes' "now", on a whole minute and fixed for this server: dates never shift
  // between two loads of the same mail (Outlook mail is told apart by sender+subject+date).
  const epoch = Math.floor(Date.now() / 60000) * 60000;

  const server = https.createServer({ key, cert }, (req, res) => {
    const host = String(req.headers.host || '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url, `https://${host || 'invalid'}`);
    const entry = {
      time: Date.now(), host, method: req.method, path: url.pathname + url.search, body: null,
      site: req.headers['sec-fetch-site'] || null, mode: req.headers['sec-fetch-mode'] || null,
      dest: req.headers['sec-fetch-dest'] || null, origin: req.headers.origin || null, status: 0,
    };
    requests.push(entry);
    const send = (status, type, body, headers = {}) => {
      entry.status = status;
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    if (req.method === 'POST' && url.pathname === '/cspreport' && host === GMAIL_HOST) {
      const chunks = [];
      req.on('data', (c) => { if (chunks.length < 64) chunks.push(c); });
      req.on('end', () => {
        entry.body = Buffer.concat(chunks).toString('utf8').slice(0, 4000);
        send(204, 'text/plain', '');
      });
      return;
    }
    try {
      route(host, url, req, send);
    } catch (e) {
      send(500, 'text/plain; charset=utf-8', `fixture server error: ${e && e.stack}`);
    }
  });

  // .eml files registered by mailPage(), by token; renders are kept for the server's life.
  const emls = [];
  const rendered = new Map();
  const register = (file) => (emls.includes(file) ? emls.indexOf(file) : emls.push(file) - 1);

  function page(host, site, send, url) {
    const nonce = crypto.randomBytes(12).toString('base64');
    let html = fs.readFileSync(path.join(SITES_DIR, site, 'index.html'), 'utf8').replaceAll('{{NONCE}}', nonce)
      .replaceAll('{{EPOCH}}', String(epoch));
    const headers = {};
    if (STRICT_CSP[host]) headers['Content-Security-Policy'] = STRICT_CSP[host](nonce);
    const token = url.searchParams.get('eml');
    if (token !== null) {
      const file = emls[Number(token)];
      if (!/^\d+$/.test(token) || !file) return send(404, 'text/plain', 'no such .eml\n');
      if (!rendered.has(file)) rendered.set(file, renderEml(file));
      html = html.replace('</body>', `${emlBlocks(rendered.get(file), String(EML_ID_BASE + BigInt(token)))}</body>`);
      // The mail's own scripts and inline handlers must not run on any host.
      headers['Content-Security-Policy'] ||= `script-src 'self' 'nonce-${nonce}' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'`;
    }
    send(200, TYPES['.html'], html, headers);
  }

  function route(host, url, req, send) {
    if (!MAIL_HOSTS.includes(host)) return send(421, 'text/plain', `not a fixture host: ${host}\n`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'GET only\n');
    const site = host === GMAIL_HOST ? 'gmail' : 'outlook';
    const p = url.pathname;

    if (p === '/favicon.ico') return send(204, 'image/x-icon', '');
    const asset = /^\/fixture\/(gmail|outlook)\/([a-z-]+\.(?:js|css))$/.exec(p);
    if (asset) {
      if (asset[1] !== site) return send(404, 'text/plain', 'not found\n');
      return send(200, TYPES[path.extname(asset[2])], fs.readFileSync(path.join(SITES_DIR, site, asset[2])));
    }

    if (site === 'gmail') {
      if (p === '/' || p === '/mail' || p === '/mail/') return send(302, 'text/plain', '', { Location: '/mail/u/0/' });
      if (!/^\/mail\/u\/0\/?$/.test(p)) return send(404, 'text/plain', 'not found\n');
      const q = url.searchParams;
      const perm = /^msg-f:(\d+)$/.exec(q.get('permmsgid') || '');
      // Raw RFC 822 "original", as gmail.js fetches it:
      //   /mail/u/0/?view=att&permmsgid=msg-f:<id>&attid=0&disp=comp&safe=1&zw
      if (q.get('view') === 'att' && q.get('attid') === '0' && q.get('disp') === 'comp' && perm) {
        const raw = gmailRaw(perm[1], epoch);
        return raw === null ? send(404, 'text/plain', 'no such message\n') : send(200, 'text/plain; charset=utf-8', raw);
      }
      // "Show original" page: /mail/u/0/?ik=<ik>&view=om&permmsgid=msg-f:<id>
      if (q.get('view') === 'om' && perm) {
        const raw = gmailRaw(perm[1], epoch);
        if (raw === null) return send(404, 'text/plain', 'no such message\n');
        return send(200, TYPES['.html'], `<!doctype html><html><head><meta charset="utf-8"><title>Original Message</title></head>` +
          `<body><pre id="raw_message_text">${escapeHtml(raw)}</pre></body></html>`);
      }
      if (q.has('view')) return send(404, 'text/plain', 'not found\n');
      return page(host, 'gmail', send, url);
    }

    // A bare page holding only an .eml's HTML (readerPage), for tests of the reader itself.
    if (p === '/fixture/reader' && host === 'outlook.live.com') {
      const file = emls[Number(url.searchParams.get('eml'))];
      if (!file) return send(404, 'text/plain', 'no such .eml\n');
      if (!rendered.has(file)) rendered.set(file, renderEml(file));
      return send(200, TYPES['.html'], `<!doctype html><html><head><meta charset="utf-8"><title>reader</title></head>` +
        `<body><div id="reader-root">${rendered.get(file).html}</div></body></html>`);
    }

    const home = host === 'outlook.live.com' ? '/mail/0/' : '/mail/';
    if (p === '/' || p === '/mail') return send(302, 'text/plain', '', { Location: home });
    if (p.startsWith('/mail/')) return page(host, 'outlook', send, url);
    return send(404, 'text/plain', 'not found\n');
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    requests,
    /** The raw RFC 822 original the Gmail endpoint serves for a message id (null if none). */
    raw: (msgId) => gmailRaw(msgId, epoch),
    clearRequests() { requests.length = 0; },
    /**
     * A message page showing an .eml on 'gmail' or 'outlook' (outlook.live.com): returns
     * { url, loc } with loc as scenarios.probeMessage takes it. On Gmail the original of these
     * messages is never served (404), so the page's own reading is what gets judged.
     */
    mailPage(site, file) {
      const token = register(file);
      if (site === 'gmail') {
        return { url: `https://${GMAIL_HOST}/mail/u/0/?eml=${token}#inbox/${EML_THREAD}`,
          loc: { kind: 'gmail', id: String(EML_ID_BASE + BigInt(token)) } };
      }
      return { url: `https://outlook.live.com/mail/0/inbox/id/${EML_CONVID}?eml=${token}`, loc: { kind: 'outlook', convid: EML_CONVID } };
    },
    /** A bare page (no CSP, no site) with only the .eml's HTML inside #reader-root. */
    readerPage(file) {
      return `https://outlook.live.com/fixture/reader?eml=${register(file)}`;
    },
    async close() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(certDir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const srv = await startFixtureServer({ port: Number(process.argv[2] || 8443) });
  console.log(`fixture server on https://127.0.0.1:${srv.port} for ${MAIL_HOSTS.join(', ')}`);
  process.on('SIGINT', async () => { await srv.close(); process.exit(0); });
}
