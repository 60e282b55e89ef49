// The in-page warning above a message that claims to be Microsoft: level, code status,
// every reason with its evidence, and Microsoft's own pages to use instead. It lives in
// a shadow root so the site's CSS cannot restyle it, and it is built with
// createElement/textContent only (Gmail enforces Trusted Types).
(function () {
  'use strict';
  const cg = (globalThis.codeguard = globalThis.codeguard || {});
  if (cg.banner) return;
  const view = cg.verdictView;
  const t = cg.platform.t;

  const CSS = `
    :host { all: initial; display: block; margin: 8px 0 12px; }
    .cg { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans JP", sans-serif;
          border: 2px solid var(--edge); border-left-width: 8px; border-radius: 8px;
          background: var(--bg); color: #1f1f1f; padding: 10px 14px; }
    .dangerous  { --edge: #b3261e; --bg: #fdecea; }
    .suspicious { --edge: #b26a00; --bg: #fff4e0; }
    .unverified { --edge: #5f6368; --bg: #f1f3f4; }
    .genuine    { --edge: #137333; --bg: #e6f4ea; }
    h2 { font-size: 16px; margin: 0 0 4px; display: flex; gap: 8px; align-items: center; }
    .badge { font-size: 18px; color: var(--edge); }
    p { margin: 4px 0; }
    .code { font-weight: 600; }
    ul { margin: 4px 0; padding-left: 20px; }
    .cg-evidence { color: #444; font-size: 12px; }
    .cg-evidence code { font: 12px ui-monospace, monospace; word-break: break-all; }
    .cg-icon { display: inline-block; min-width: 1.2em; }
    .cg-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    a { color: #0b57d0; }
    a:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
    .trust { font-size: 12px; color: #444; border-top: 1px solid var(--edge); padding-top: 6px; margin-top: 8px; }
    @media (prefers-color-scheme: dark) {
      .cg { color: #e8eaed; }
      .dangerous  { --edge: #f28b82; --bg: #3c1f1e; }
      .suspicious { --edge: #fdd663; --bg: #3a2f12; }
      .unverified { --edge: #9aa0a6; --bg: #2d2f31; }
      .genuine    { --edge: #81c995; --bg: #1e3326; }
      .cg-evidence, .trust { color: #bdc1c6; }
      a { color: #8ab4f8; }
    }
  `;

  function applyStyle(shadow) {
    // A constructed sheet is not an inline <style>, so a strict page CSP cannot drop it;
    // the <style> element is the fallback where adoptedStyleSheets is unavailable.
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch (_) {
      const style = document.createElement('style');
      style.textContent = CSS;
      shadow.append(style);
    }
  }

  let counter = 0;
  // The hosts codeguard made. A mail can carry its own element with data-codeguard-verdict,
  // so the attribute alone never identifies ours.
  const own = new WeakSet();

  function build(verdict) {
    const host = document.createElement('div');
    own.add(host);
    host.setAttribute('data-codeguard-verdict', verdict.level);
    const shadow = host.attachShadow({ mode: 'open' });
    applyStyle(shadow);

    const titleId = 'cg-title-' + ++counter;
    const box = view.el(document, 'section', 'cg ' + verdict.level);
    box.setAttribute('role', view.isWarning(verdict.level) ? 'alert' : 'status');
    box.setAttribute('aria-labelledby', titleId);
    // The page's language is not the banner's: screen readers and fonts need to know.
    box.setAttribute('lang', cg.platform.uiLanguage());

    const title = view.el(document, 'h2');
    title.id = titleId;
    const icon = view.el(document, 'span', 'badge', view.LEVEL_ICON[verdict.level]);
    icon.setAttribute('aria-hidden', 'true');
    title.append(icon, view.el(document, 'span', null, t('banner_title', [view.levelText(verdict.level)])));
    box.append(title);

    const summary = view.levelSummary(verdict.level);
    if (summary) box.append(view.el(document, 'p', null, summary));
    box.append(view.el(document, 'p', 'code', view.codeStatus(verdict)));

    if (verdict.reasons && verdict.reasons.length) {
      box.append(view.el(document, 'p', null, t('banner_reasons')), view.reasonsList(document, verdict.reasons));
    }
    if (verdict.officialPages && verdict.officialPages.length) {
      box.append(view.el(document, 'p', null, t('banner_pages')), view.officialLinks(document, verdict.officialPages));
    }
    box.append(view.el(document, 'p', 'trust', t('banner_trust')));
    shadow.append(box);
    return host;
  }

  // Puts the banner right above `anchor`, replacing an older banner there; returns it.
  function show(anchor, verdict, previous) {
    if (previous && previous.isConnected && previous.nextSibling === anchor &&
        previous.getAttribute('data-codeguard-verdict') === verdict.level && previous.cgVerdict === verdict) {
      return previous;
    }
    if (previous) previous.remove();
    const host = build(verdict);
    host.cgVerdict = verdict;
    anchor.parentNode.insertBefore(host, anchor);
    return host;
  }

  cg.banner = { show, isOwn: (node) => own.has(node) };
})();
