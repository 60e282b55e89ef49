// How a Verdict reads on screen, shared by the in-page banner and the popup so both say
// the same thing in the same words. Builds DOM with createElement/textContent only:
// Gmail enforces Trusted Types, and message text must never become markup.
(function () {
  'use strict';
  const cg = (globalThis.codeguard = globalThis.codeguard || {});
  if (cg.verdictView) return;
  const t = cg.platform.t;

  const LEVEL_ICON = { dangerous: '✖', suspicious: '⚠', unverified: '?', genuine: '✓', none: '·' };
  const SEVERITY_ICON = { danger: '✖', warning: '⚠', info: 'ℹ', good: '✓' };
  const EVIDENCE_MAX = 240;

  function el(doc, tag, className, text) {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The core writes its reasons in English with the specifics (which zone, which brand),
  // so an English catalog shows them as they are; other catalogs translate by id
  // (`sender.lookalike_domain` → reason_sender_lookalike_domain), falling back to English.
  const useCoreText = t('reasons_use_core_text') === 'true';

  function reasonText(reason) {
    if (useCoreText && reason.message) return reason.message;
    const key = 'reason_' + String(reason.id || '').replace(/[^A-Za-z0-9_]/g, '_');
    return t(key) || reason.message || reason.id;
  }

  function pageTitle(page) {
    return t('page_' + String(page.id || '').replace(/[^A-Za-z0-9_]/g, '_')) || page.title;
  }

  function levelText(level) {
    return t('level_' + level) || level;
  }

  function levelSummary(level) {
    return t('level_' + level + '_summary');
  }

  function codeStatus(verdict) {
    if (!verdict.code) return t('code_none');
    return t('code_' + verdict.level, [verdict.code]) || verdict.code;
  }

  function clip(text) {
    const s = String(text ?? '');
    return s.length > EVIDENCE_MAX ? s.slice(0, EVIDENCE_MAX) + '…' : s;
  }

  function reasonsList(doc, reasons) {
    const list = el(doc, 'ul', 'cg-reasons');
    for (const reason of reasons || []) {
      const item = el(doc, 'li', 'cg-reason cg-' + reason.severity);
      const head = el(doc, 'div', 'cg-reason-text');
      const icon = el(doc, 'span', 'cg-icon', SEVERITY_ICON[reason.severity] || '•');
      icon.setAttribute('aria-hidden', 'true');
      const severity = el(doc, 'span', 'cg-sr', (t('severity_' + reason.severity) || reason.severity) + ': ');
      head.append(icon, ' ', severity, reasonText(reason));
      item.append(head);
      if (reason.evidence && reason.evidence.length) {
        const evidence = el(doc, 'ul', 'cg-evidence');
        for (const ev of reason.evidence) {
          const line = el(doc, 'li');
          line.append(el(doc, 'span', 'cg-location', clip(ev.location) + ': '), el(doc, 'code', null, clip(ev.value)));
          evidence.append(line);
        }
        item.append(evidence);
      }
      list.append(item);
    }
    return list;
  }

  function officialLinks(doc, pages) {
    const list = el(doc, 'ul', 'cg-pages');
    for (const page of pages || []) {
      // Only https pages from the core's own table ever reach here; the check keeps it so.
      if (!/^https:\/\//.test(page.url)) continue;
      const link = el(doc, 'a', null, pageTitle(page));
      link.href = page.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      const item = el(doc, 'li');
      item.append(link);
      list.append(item);
    }
    return list;
  }

  cg.verdictView = {
    LEVEL_ICON,
    el,
    levelText,
    levelSummary,
    codeStatus,
    reasonsList,
    officialLinks,
    isWarning: (level) => level === 'dangerous' || level === 'suspicious',
  };
})();
