// Reads opened Outlook on the web messages (outlook.live.com, outlook.office.com,
// outlook.office365.com, outlook.cloud.microsoft) into MessageInput. OWA's CSS-module
// classes change with every build, so only ids, ARIA and data-* hooks are used; aria
// labels are localized, so they come after the id hooks. Safe Links hrefs are passed
// as they are: the core unwraps them.
(function () {
  'use strict';
  const cg = (globalThis.codeguard = globalThis.codeguard || {});
  cg.adapters = cg.adapters || {};
  if (cg.adapters.outlook) return;
  const dom = cg.dom;

  const HOSTS = ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft'];
  // A collapsed card has no rendered body, so looking for bodies skips it.
  const BODIES = ['[id^="UniqueMessageBody"]', '[role="main"] [role="document"]', '[aria-label="Message body"]'];
  const HEADER_HOOKS = '[id$="_FROM"], span[aria-label^="From:"], [data-testid="SentReceivedSavedTime"]';

  function rootOf(body) {
    const card = body.closest('[aria-label="Email message"]') || body.closest('[aria-expanded="true"]');
    if (card) return card;
    // Localized labels miss: climb to the nearest ancestor that also holds the header.
    for (let node = body.parentElement, depth = 0; node && depth < 12; node = node.parentElement, depth++) {
      if (node.querySelector(HEADER_HOOKS)) return node;
    }
    return body.parentElement || body;
  }

  function findMessages(doc) {
    const seen = new Set();
    const messages = [];
    for (const selector of BODIES) {
      for (const body of doc.querySelectorAll(selector)) {
        if (!dom.isShown(body) || body.parentElement?.closest(BODIES[0])) continue;
        const root = rootOf(body);
        if (seen.has(root)) continue;
        seen.add(root);
        messages.push({ root, body });
      }
      if (messages.length) break;
    }
    return messages;
  }

  // OWA shows no message id in the DOM; the history falls back to sender+subject+date.
  function messageId() {
    return null;
  }

  function subjectOf(root) {
    const own = dom.first(root, ['[id^="MSG_"][id$="_SUBJECT"] span[title]', '[id$="_SUBJECT"] span[title]', '[id$="_SUBJECT"]']);
    const pane = root.closest('[role="main"], #ReadingPaneContainerId') || root.ownerDocument;
    const heading =
      own ||
      dom.first(pane, ['[id^="CONV_"][id$="_SUBJECT"] span[title]', '[id$="_SUBJECT"] span[title]', '[id$="_SUBJECT"]', '[role="heading"][aria-level="2"]']);
    if (!heading) return '';
    return heading.getAttribute('title') || heading.textContent;
  }

  function senderOf(root) {
    const from = dom.first(root, ['[id$="_FROM"]', 'span[aria-label^="From:"]']);
    if (!from) return { name: '', address: '' };
    const chip = from.matches('[aria-label]') ? from : dom.first(from, ['[aria-label]', '[title]']) || from;
    const label = chip.getAttribute('aria-label') || '';
    const title = chip.getAttribute('title') || dom.first(from, ['[title]'])?.getAttribute('title') || '';
    const address = dom.findAddress(title, from.textContent, label);
    // "From: Name" (localized prefix up to the colon) or the chip's own text.
    let name = label.includes(':') ? label.slice(label.indexOf(':') + 1) : '';
    if (!name.trim()) name = title.replace(/<[^>]*>/, '') || chip.textContent;
    name = name.trim();
    if (name === address) name = '';
    return { name, address };
  }

  function read(msg) {
    const { root, body } = msg;
    const sender = senderOf(root);
    const date = dom.first(root, ['[data-testid="SentReceivedSavedTime"]', '[id$="_DATETIME"]']);
    const attachments = Array.from(root.querySelectorAll('[aria-label="Attachments"] button, [role="list"] [role="listitem"] button[title]'))
      .map((b) => dom.clipField(b.getAttribute('title') || b.textContent))
      .filter(Boolean);
    return {
      site: 'outlook',
      senderName: dom.clipField(sender.name),
      senderAddress: dom.clipField(sender.address),
      subject: dom.clipField(subjectOf(root)),
      date: date ? dom.clipField(date.textContent) : null,
      ...dom.readBody(body),
      links: dom.readLinks(body, null),
      attachments: Array.from(new Set(attachments)),
    };
  }

  cg.adapters.outlook = {
    site: 'outlook',
    matches: (loc) => HOSTS.includes(loc.hostname),
    findMessages,
    messageId,
    read,
    links: (msg) => dom.linkElements(msg.body),
    // Above the body element, inside the message card.
    bannerAnchor: (msg) => msg.body,
    fetchRaw: null,
  };
})();
