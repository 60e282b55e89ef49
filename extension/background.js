// The background: runs the core for content scripts that may not (strict page CSP),
// keeps the code-mail history, knows which messages are in view in each tab, and paints
// the badge. Chrome runs this file as the service worker and it imports the rest;
// Firefox runs the manifest's "scripts" list as an event page, so those are loaded already.
if (typeof importScripts === 'function' && !(globalThis.codeguard && globalThis.codeguard.badge)) {
  try {
    importScripts('pkg/codeguard.js');
  } catch (error) {
    console.warn('[codeguard] core glue missing', error);
  }
  importScripts('platform.js', 'core-client.js', 'history-store.js', 'badge.js');
}

(function () {
  'use strict';
  const cg = globalThis.codeguard;
  cg.isBackground = true;
  const { platform, core, history, badge } = cg;
  const api = platform.api;

  // Per-tab view state lives in storage.session so a restarted service worker keeps it.
  const memory = { tabs: {}, lastMailTab: null };
  async function loadView() {
    if (!platform.session) return memory;
    const stored = await platform.session.get(['tabs', 'lastMailTab']);
    return { tabs: stored.tabs || {}, lastMailTab: stored.lastMailTab ?? null };
  }
  async function saveView(view) {
    if (platform.session) await platform.session.set(view);
    else Object.assign(memory, view);
  }

  let queue = Promise.resolve();
  function serialized(task) {
    const run = queue.then(task);
    queue = run.catch(() => {});
    return run;
  }

  async function alarmState(nowMs) {
    try {
      return await core.alarm(await history.current(nowMs), nowMs);
    } catch (error) {
      platform.logOnce('alarm unavailable', error);
      return null;
    }
  }

  async function refreshBadge() {
    const state = await alarmState(Date.now());
    await badge.paint(state, (await loadView()).tabs);
    return state;
  }

  function fromBase64(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // A content script reports the messages now in view in its tab (possibly none).
  async function seen(message, tab) {
    const messages = Array.isArray(message.messages) ? message.messages.slice(0, 50) : [];
    const entries = [];
    for (const m of messages) {
      if (m && m.verdict && typeof m.verdict.level === 'string') entries.push({ hash: await history.idHash(m), seen: m });
    }
    await history.record(entries, Date.now());
    await serialized(async () => {
      const view = await loadView();
      view.tabs[tab.id] = {
        site: message.site === 'outlook' ? 'outlook' : 'gmail',
        messages: entries.map((e) => ({ idHash: e.hash, counted: history.counted(e.seen.verdict), verdict: e.seen.verdict })),
      };
      view.lastMailTab = tab.id;
      await saveView(view);
    });
    await refreshBadge();
    return true;
  }

  // For the popup: the tab it was asked about, else the last tab that showed mail (the
  // popup opened as a page has no mail tab of its own).
  async function getState(message) {
    const nowMs = Date.now();
    const view = await loadView();
    const tabId = message.tabId != null && view.tabs[message.tabId] ? message.tabId : view.lastMailTab;
    const tab = tabId != null ? view.tabs[tabId] : null;
    const records = await history.current(nowMs);
    const asked = new Set(records.filter((r) => r.asked).map((r) => r.idHash));
    const messages = tab ? tab.messages.map((m) => Object.assign({}, m, { asked: asked.has(m.idHash) })) : [];
    return { tabId: tab ? tabId : null, site: tab ? tab.site : null, messages, alarm: await refreshBadge(), nowMs };
  }

  async function handle(message, sender) {
    switch (message && message.type) {
      case 'analyze':
        return core.analyze(message.input);
      case 'warm':
        return core.warm();
      case 'analyzeRaw':
        return core.analyzeRaw(fromBase64(String(message.base64 || '')));
      case 'seen':
        if (!sender.tab) throw new Error('seen: not from a tab');
        return seen(message, sender.tab);
      case 'getState':
        return getState(message);
      case 'setAsked':
        await history.setAsked(String(message.idHash), Boolean(message.asked));
        return refreshBadge();
      case 'clearHistory':
        await history.clear();
        return refreshBadge();
      default:
        throw new Error('unknown message type');
    }
  }

  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only this extension's own pages and content scripts are answered.
    if (sender.id !== api.runtime.id) return false;
    handle(message, sender).then(
      (result) => sendResponse({ ok: true, result }),
      (error) => sendResponse({ ok: false, error: String((error && error.message) || error) }),
    );
    return true;
  });

  function forgetTab(tabId) {
    serialized(async () => {
      const view = await loadView();
      if (!view.tabs[tabId]) return;
      delete view.tabs[tabId];
      await saveView(view);
    }).then(refreshBadge).catch((error) => platform.logOnce('tab state', error));
  }
  api.tabs.onRemoved.addListener(forgetTab);

  refreshBadge().catch((error) => platform.logOnce('badge', error));
})();
