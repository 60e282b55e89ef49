// DOM reading shared by the site adapters: ordered selector fallbacks, bounded text and
// link extraction. Bounds keep a hostile 10 MB body from stalling the page.
(function () {
  'use strict';
  const cg = (globalThis.codeguard = globalThis.codeguard || {});
  if (cg.dom) return;

  const TEXT_MAX = 200000;
  const LINKS_MAX = 1000;
  const FIELD_MAX = 2000;
  const SKIP = new Set(['STYLE', 'SCRIPT', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);
  const BLOCK = new Set([
    'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGURE', 'FOOTER',
    'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION',
    'TABLE', 'TD', 'TH', 'TR', 'UL',
  ]);

  // Links keep their original href here once codeguard disables them, so re-reading a
  // processed message gives the same input (and the same cache key) as the first read.
  const originals = new WeakMap();

  function first(scope, selectors) {
    for (const selector of selectors) {
      const found = scope.querySelector(selector);
      if (found) return found;
    }
    return null;
  }

  function clipField(value) {
    const s = String(value ?? '').replace(/\s+/g, ' ').trim();
    return s.length > FIELD_MAX ? s.slice(0, FIELD_MAX) : s;
  }

  // Visible-ish text in document order, with a line break at each block, without the
  // text of <style>/<script> that textContent would include. Capped at TEXT_MAX.
  function bodyText(root) {
    if (!root) return '';
    const doc = root.ownerDocument;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.nodeType === Node.ELEMENT_NODE && SKIP.has(node.nodeName)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    const parts = [];
    let length = 0;
    for (let node = walker.nextNode(); node && length < TEXT_MAX; node = walker.nextNode()) {
      let piece;
      if (node.nodeType === Node.TEXT_NODE) piece = node.data;
      else if (BLOCK.has(node.nodeName)) piece = '\n';
      else continue;
      parts.push(piece);
      length += piece.length;
    }
    const text = parts.join('').replace(/[ \t\f\r\u00a0]+/g, ' ').replace(/ *\n[\s]*/g, '\n').trim();
    return text.length > TEXT_MAX ? text.slice(0, TEXT_MAX) : text;
  }

  // The body's links in document order; the index is what the core's verdict refers to.
  function linkElements(body) {
    if (!body) return [];
    return Array.from(body.querySelectorAll('a[href], a[data-codeguard-link]')).slice(0, LINKS_MAX);
  }

  function readLinks(body, wrappedAttribute) {
    return linkElements(body).map((a, index) => {
      const saved = originals.get(a);
      const href = saved ? saved.href : a.getAttribute('href') || '';
      const wrapped = saved ? saved.wrapped : wrappedAttribute ? a.getAttribute(wrappedAttribute) : null;
      const link = { index, text: clipField(a.textContent), href: href.slice(0, FIELD_MAX * 4) };
      if (wrapped) link.wrappedHref = wrapped.slice(0, FIELD_MAX * 4);
      return link;
    });
  }

  function isShown(element) {
    return element.getClientRects().length > 0;
  }

  // "Name <address>" or a bare address, as sites print senders in titles and labels.
  const ADDRESS = /[A-Za-z0-9._%+\-!#$&'*/=?^`{|}~]+@[A-Za-z0-9.\-]+\.[A-Za-z0-9\-]{2,}/;
  function findAddress(...texts) {
    for (const text of texts) {
      const match = ADDRESS.exec(text || '');
      if (match) return match[0];
    }
    return '';
  }

  cg.dom = { first, clipField, bodyText, linkElements, readLinks, isShown, findAddress, originals };
})();
