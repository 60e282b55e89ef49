// The popup (also usable opened as a tab): the verdict of the message in view, the
// history and its alarm, the five steps, the raw-source check and the settings. The
// popup is a trusted surface: it shows what the core said, never what the mail says.
(function () {
  'use strict';
  const cg = globalThis.codeguard;
  const { platform, core, verdictView: view, timeline, steps } = cg;
  const { t, api } = platform;
  const $ = (id) => document.getElementById(id);

  const SITES_KEY = 'sites';
  const DAY_MS = 24 * 60 * 60 * 1000;

  function localize() {
    document.documentElement.lang = platform.uiLanguage();
    for (const node of document.querySelectorAll('[data-i18n]')) {
      const text = t(node.getAttribute('data-i18n'));
      if (text) node.textContent = text;
    }
  }

  async function ask(message) {
    const reply = await platform.send(message);
    if (!reply || !reply.ok) throw new Error((reply && reply.error) || 'no answer');
    return reply.result;
  }

  // The tab to describe: ?tab=ID, else the active tab of this window; the background
  // falls back to the last tab that showed mail (the popup opened as a page).
  async function targetTab() {
    const param = new URLSearchParams(location.search).get('tab');
    if (param) return Number(param);
    try {
      const [tab] = await api.tabs.query({ active: true, currentWindow: true });
      return tab ? tab.id : null;
    } catch (_) {
      return null;
    }
  }

  function levelLine(verdict) {
    const line = view.el(document, 'p', 'level ' + verdict.level);
    const icon = view.el(document, 'span', null, view.LEVEL_ICON[verdict.level] + ' ');
    icon.setAttribute('aria-hidden', 'true');
    line.append(icon, view.levelText(verdict.level));
    line.setAttribute('data-codeguard-popup-level', verdict.level);
    return line;
  }

  // One judged message: level, summary, code status, reasons with evidence, pages.
  function verdictCard(verdict) {
    const card = view.el(document, 'div', 'card ' + verdict.level);
    card.append(levelLine(verdict));
    const summary = view.levelSummary(verdict.level);
    if (summary) card.append(view.el(document, 'p', null, summary));
    if (verdict.level !== 'none') card.append(view.el(document, 'p', null, view.codeStatus(verdict)));
    if (verdict.reasons && verdict.reasons.length) card.append(view.reasonsList(document, verdict.reasons));
    if (verdict.level !== 'none' && verdict.officialPages && verdict.officialPages.length) {
      card.append(view.el(document, 'p', null, t('banner_pages')), view.officialLinks(document, verdict.officialPages));
    }
    return card;
  }

  function askedToggle(message) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = Boolean(message.asked);
    box.addEventListener('change', async () => {
      try {
        renderHistory(await ask({ type: 'setAsked', idHash: message.idHash, asked: box.checked }));
      } catch (error) {
        platform.logOnce('setAsked', error);
      }
    });
    label.append(box, ' ' + t('popup_asked'));
    return label;
  }

  function renderView(state) {
    const body = $('view-body');
    body.textContent = '';
    const claims = state.messages.filter((m) => m.verdict.level !== 'none');
    if (!state.messages.length) {
      body.append(view.el(document, 'p', 'muted', t('popup_view_empty')));
      return;
    }
    if (!claims.length) {
      body.append(view.el(document, 'p', null, t('popup_view_no_claim')));
      return;
    }
    for (const message of claims) {
      const card = verdictCard(message.verdict);
      if (message.counted) card.append(askedToggle(message));
      body.append(card);
    }
  }

  function renderHistory(alarm) {
    const text = $('alarm-text');
    if (!alarm) {
      text.textContent = t('alarm_unavailable');
      return;
    }
    // While the alarm holds the popup leads with the five steps.
    if (alarm.alarm) document.querySelector('main').prepend($('steps'));
    else $('history').after($('steps'));
    text.className = 'alarm' + (alarm.alarm ? ' on' : '');
    text.setAttribute('data-alarm', alarm.alarm ? 'on' : 'off');
    const kind = alarm.alarm ? ' ' + t('alarm_kind_' + alarm.kind) : '';
    text.textContent = (t('alarm_' + alarm.reason, [String(alarm.unrequested24h), String(alarm.unrequested7d)]) || '') + kind;
    timeline.draw($('timeline'), alarm.timeline);
    $('timeline-caption').textContent = t('timeline_caption', [String(alarm.count24h), String(alarm.count30d)]);
    const th = alarm.thresholds || {};
    $('alarm-rule').textContent = t('alarm_rule', [
      String(th.burstCount), String(Math.round(th.burstWindowMs / DAY_MS)),
      String(th.sustainedCount), String(Math.round(th.sustainedWindowMs / DAY_MS)),
    ]);
  }

  async function refresh() {
    try {
      const state = await ask({ type: 'getState', tabId: await targetTab() });
      renderView(state);
      renderHistory(state.alarm);
    } catch (error) {
      $('view-body').textContent = t('popup_error');
      platform.logOnce('getState', error);
    }
  }

  // Raw-source check: the pasted text or the dropped file is read here and judged by the
  // core in this page; nothing is sent anywhere.
  async function checkRaw(bytes) {
    const out = $('raw-result');
    out.textContent = '';
    if (!bytes || !bytes.length) {
      out.append(view.el(document, 'p', 'muted', t('popup_raw_empty')));
      return;
    }
    try {
      const verdict = await core.analyzeRaw(bytes);
      // The authentication results are the proof this check exists for: they come first.
      const reasons = verdict.reasons || [];
      const auth = reasons.filter((r) => r.id.startsWith('auth.'));
      verdict.reasons = auth.concat(reasons.filter((r) => !r.id.startsWith('auth.')));
      const card = verdictCard(verdict);
      card.setAttribute('data-codeguard-raw', verdict.level);
      if (auth.length) card.prepend(view.el(document, 'p', null, t('popup_raw_auth')));
      out.append(card);
    } catch (error) {
      out.append(view.el(document, 'p', 'level dangerous', t('popup_raw_error', [String((error && error.message) || error)])));
    }
  }

  async function fileBytes(file) {
    return new Uint8Array(await file.arrayBuffer());
  }

  function wireRaw() {
    $('raw-check').addEventListener('click', () => checkRaw(new TextEncoder().encode($('raw-text').value)));
    $('raw-file').addEventListener('change', async (event) => {
      const file = event.target.files && event.target.files[0];
      if (file) checkRaw(await fileBytes(file));
    });
    const zone = $('drop-zone');
    zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', async (event) => {
      event.preventDefault();
      zone.classList.remove('over');
      const file = event.dataTransfer && event.dataTransfer.files[0];
      if (file) checkRaw(await fileBytes(file));
    });
  }

  async function wireSettings() {
    const sites = (await platform.storageGet(SITES_KEY))[SITES_KEY] || {};
    for (const box of document.querySelectorAll('input[data-site]')) {
      box.checked = sites[box.dataset.site] !== false;
      box.addEventListener('change', async () => {
        const current = (await platform.storageGet(SITES_KEY))[SITES_KEY] || {};
        current[box.dataset.site] = box.checked;
        await platform.storageSet({ [SITES_KEY]: current });
      });
    }
    $('clear-history').addEventListener('click', async () => {
      try {
        renderHistory(await ask({ type: 'clearHistory' }));
        $('settings-status').textContent = t('settings_cleared');
      } catch (error) {
        $('settings-status').textContent = t('popup_error');
      }
    });
  }

  async function main() {
    localize();
    wireRaw();
    await wireSettings();
    let pages = [];
    try {
      pages = await core.officialPages();
    } catch (error) {
      platform.logOnce('official pages', error);
    }
    await steps.render($('steps-list'), pages);
    await refresh();
    document.body.setAttribute('data-ready', 'true');
  }

  main().catch((error) => platform.logOnce('popup', error));
})();
