// Reads opened Gmail messages (mail.google.com) into MessageInput. Hooks from
// shared/docs/webmail-dom.md, attributes before class names; the obfuscated classes
// (a3s, ii gt, gD, hP) have held for years but are fallbacks' last resort where possible.
(function () {
  'use strict';
  const cg = (globalThis.codeguard = globalThis.codeguard || {});
  cg.adapters = cg.adapters || {};
  if (cg.adapters.gmail) return;
  const dom = cg.dom;

  const RAW_MAX = 10 * 1024 * 1024;

  // Expanded messages only: a collapsed one is div.adf with a snippet and no body.
  const MESSAGE_ROOTS = ['div.adn[data-message-id]', '[role="listitem"][aria-expanded="true"] [data-message-id]:not(.adf)'];
  // Gmail keeps an empty hidden body copy per message (div.ii.gt[style*=display:none] > div.a3s.undefined).
  const BODIES = ['div.ii.gt > div.a3s:not(.undefined)', 'div.a3s:not(.undefined)', 'div.ii.gt'];

  function findBody(root) {
    for (const selector of BODIES) {
      for (const candidate of root.querySelectorAll(selector)) {
        if (dom.isShown(candidate)) return candidate;
      }
    }
    return null;
  }

  function findMessages(doc) {
    const seen = new Set();
    const messages = [];
    for (const selector of MESSAGE_ROOTS) {
      for (const root of doc.querySelectorAll(selector)) {
        if (seen.has(root) || !dom.isShown(root)) continue;
        seen.add(root);
        const body = findBody(root);
        if (body) messages.push({ root, body });
      }
      if (messages.length) break;
    }
    return messages;
  }

  // "#msg-f:1812345678901358024" → "msg-f:1812345678901358024"
  function messageId(msg) {
    const id = msg.root.getAttribute('data-message-id') || msg.root.getAttribute('data-legacy-message-id');
    return id ? id.replace(/^#/, '') : null;
  }

  // The subject is per thread, outside the message root: the nearest ancestor view holding it.
  function subjectOf(root) {
    for (let node = root.parentElement, depth = 0; node && depth < 16; node = node.parentElement, depth++) {
      const heading = node.querySelector('h2.hP, h2[data-thread-perm-id], [data-legacy-thread-id]');
      if (heading) return heading.textContent;
    }
    return document.title.split(' - ')[0];
  }

  function read(msg) {
    const { root, body } = msg;
    const sender = dom.first(root, ['span.gD[email]', 'td.gF span[email]', '.gs span[email]', '[email][name]']);
    const avatar = root.querySelector('img[jid]');
    const date = dom.first(root, ['.gK .g3[title]', 'span.g3[title]', '.gK [title]']);
    const attachments = Array.from(root.querySelectorAll('div.hq.gt span.aV3, [download_url] .aV3'))
      .map((n) => dom.clipField(n.textContent))
      .filter(Boolean);
    return {
      site: 'gmail',
      senderName: dom.clipField(sender ? sender.getAttribute('name') || sender.textContent : avatar && avatar.getAttribute('data-name')),
      senderAddress: dom.clipField(sender ? sender.getAttribute('email') : avatar && avatar.getAttribute('jid')),
      subject: dom.clipField(subjectOf(root)),
      date: date ? dom.clipField(date.getAttribute('title')) : null,
      ...dom.readBody(body),
      links: dom.readLinks(body, 'data-saferedirecturl'),
      attachments: Array.from(new Set(attachments)),
    };
  }

  // Firefox: content.fetch sends the request as the page would (cookies, origin).
  function pageFetch(url) {
    const content = globalThis.content;
    const fetcher = content && typeof content.fetch === 'function' ? content.fetch.bind(content) : fetch;
    return fetcher(url, { credentials: 'include' });
  }

  async function fetchText(url) {
    const response = await pageFetch(url);
    if (!response.ok) return null;
    const text = await response.text();
    return text.length > RAW_MAX ? null : text;
  }

  // A login or error page is not a message: a raw source starts with header lines.
  function looksRaw(text) {
    return Boolean(text) && /^[\x21-\x39\x3b-\x7e]+:/.test(text.replace(/^\s+/, ''));
  }

  // The "Show original" page keeps the source in <pre id="raw_message_text">. Read with a
  // regex and an entity decoder: DOMParser would need TrustedHTML on Gmail.
  function rawFromOriginalPage(html) {
    const match = /<pre[^>]*id="raw_message_text"[^>]*>([\s\S]*?)<\/pre>/.exec(html || '');
    if (!match) return null;
    return match[1].replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, entity) => {
      const named = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[entity.toLowerCase()];
      if (named) return named;
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    });
  }

  // Gmail's per-session "ik" key, which a content script finds only in the page's links.
  function sessionKey() {
    for (const node of document.querySelectorAll('a[href*="ik="], [download_url*="ik="]')) {
      const match = /[?&:]ik=([0-9a-f]+)/i.exec(node.getAttribute('href') || node.getAttribute('download_url'));
      if (match) return match[1];
    }
    return null;
  }

  // The message's original RFC 822 source, same origin with the person's own session:
  // the only requests codeguard ever makes, and only for a message that claims Microsoft.
  // First the raw download (as gmail.js does), else the "Show original" page.
  async function fetchRaw(msg) {
    const id = messageId(msg);
    if (!id || !/^msg-[af]:r?\d+$/.test(id)) return null;
    const account = (/\/mail\/u\/(\d+)\//.exec(location.pathname) || [null, '0'])[1];
    const base = `${location.origin}/mail/u/${account}/`;
    const raw = await fetchText(`${base}?view=att&permmsgid=${id}&attid=0&disp=comp&safe=1&zw`);
    if (looksRaw(raw)) return raw;
    const ik = sessionKey();
    if (!ik) return null;
    const original = rawFromOriginalPage(await fetchText(`${base}?ik=${ik}&view=om&permmsgid=${id}`));
    return looksRaw(original) ? original : null;
  }

  cg.adapters.gmail = {
    site: 'gmail',
    matches: (loc) => loc.hostname === 'mail.google.com',
    findMessages,
    messageId,
    read,
    links: (msg) => dom.linkElements(msg.body),
    // The banner goes right above the visible body wrapper (div.ii.gt).
    bannerAnchor: (msg) => msg.body.closest('div.ii.gt') || msg.body,
    fetchRaw,
  };
})();
