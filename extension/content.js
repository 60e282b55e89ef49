// The page side of codeguard: finds opened messages with the site's adapter, has the
// core judge each one once, shows the banner and disables links, and keeps doing so as
// the single-page site navigates and re-renders. It must never break the mail site:
// every entry point is wrapped, work is throttled and bounded, and the observer ignores
// the mutations codeguard makes itself.
(function () {
  'use strict';
  const cg = (globalThis.codeguard = globalThis.codeguard || {});
  if (cg.content) return;
  cg.content = true;
  const { platform, core, banner, links } = cg;

  const adapter = Object.values(cg.adapters).find((a) => a.matches(location));
  if (!adapter) return;

  // A pass runs once the page has been quiet for QUIET_MS (the banner should be on screen
  // within 50 ms of the body appearing), and at the latest MAX_WAIT_MS after the first
  // change, so a page that never stops mutating gets at most ten passes a second.
  const QUIET_MS = 20;
  const MAX_WAIT_MS = 100;
  const LOCATION_POLL_MS = 500;
  const MAX_MESSAGES = 25;
  const CACHE_MAX = 200;
  const OBSERVED_ATTRIBUTES = ['style', 'hidden', 'aria-expanded', 'href'];

  // Verdicts by message id + content hash, so a re-render or a thread revisit costs nothing.
  const cache = new Map();
  // Per message root element: what it was last read as, and its banner.
  const roots = new WeakMap();

  let enabled = false;
  let stopped = false;
  let observer = null;
  let timer = null;
  let firstChange = 0;
  let scanning = false;
  let rescan = false;
  let lastReport = null;
  let lastHref = location.href;

  function fail(kind, error) {
    // After an extension update the old content script loses its runtime: stop quietly.
    if (String(error && error.message).includes('context invalidated')) stop();
    platform.logOnce(kind, error);
  }

  // FNV-1a: a cheap content hash for the cache key, not a security measure.
  function hash(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return (h >>> 0).toString(16);
  }

  function fingerprint(msg) {
    const text = msg.body.textContent;
    return [adapter.messageId(msg), text.length, text.slice(0, 200), adapter.links(msg).length].join('|');
  }

  function remember(key, entry) {
    cache.set(key, entry);
    if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value);
  }

  async function judge(msg) {
    const input = adapter.read(msg);
    const id = adapter.messageId(msg);
    const key = (id || '') + '|' + hash(JSON.stringify(input));
    let entry = cache.get(key);
    if (!entry) {
      entry = { id, input, verdict: await core.analyze(input), rawTried: false, proven: false };
      remember(key, entry);
      markCore();
    }
    return entry;
  }

  // Gmail only: the original source turns "unverified" into "genuine" or "dangerous". The
  // page's verdict is shown meanwhile; the next pass shows the proven one.
  async function prove(msg, entry) {
    entry.rawTried = true;
    try {
      const raw = await adapter.fetchRaw(msg);
      if (!raw) return;
      entry.verdict = await core.analyze(Object.assign({}, entry.input, { rawSource: raw }));
      entry.proven = true;
      schedule();
    } catch (error) {
      fail('original source unavailable', error);
    }
  }

  function apply(msg, state) {
    const verdict = state.entry.verdict;
    if (verdict.level === 'none') {
      if (state.banner) state.banner.remove();
      state.banner = null;
    } else {
      state.banner = banner.show(adapter.bannerAnchor(msg), verdict, state.banner);
      links.apply(adapter.links(msg), verdict);
    }
    // Set last, so whoever waits for them finds the banner and the blocked links in place.
    // data-codeguard-source says whether the verdict saw the raw source ("raw") or only the page.
    const source = state.entry.proven ? 'raw' : 'page';
    if (msg.root.getAttribute('data-codeguard-source') !== source) msg.root.setAttribute('data-codeguard-source', source);
    if (msg.root.getAttribute('data-codeguard-scanned') !== verdict.level) {
      msg.root.setAttribute('data-codeguard-scanned', verdict.level);
    }
  }

  async function process(msg) {
    let state = roots.get(msg.root);
    const print = fingerprint(msg);
    if (!state || state.print !== print) {
      const entry = await judge(msg);
      // The site may have replaced or rewritten the message while the core worked.
      if (!msg.root.isConnected || fingerprint(msg) !== print) {
        rescan = true;
        return null;
      }
      state = { print, entry, banner: state ? state.banner : null };
      roots.set(msg.root, state);
    }
    apply(msg, state);
    if (adapter.fetchRaw && !state.entry.rawTried && state.entry.verdict.level !== 'none') prove(msg, state.entry);
    const { input, id, verdict } = state.entry;
    return { verdict, messageId: id, senderAddress: input.senderAddress, subject: input.subject, date: input.date };
  }

  // Tells the background which messages are in view in this tab (badge, history, popup).
  function report(seen) {
    const summary = JSON.stringify(seen.map((s) => [s.messageId, s.subject, s.date, s.verdict.level, s.verdict.code]));
    if (summary === lastReport) return;
    lastReport = summary;
    platform.send({ type: 'seen', site: adapter.site, messages: seen }).catch((error) => fail('background unreachable', error));
  }

  async function scan() {
    if (!enabled || stopped) return;
    if (scanning) {
      rescan = true;
      return;
    }
    scanning = true;
    rescan = false;
    try {
      const seen = [];
      for (const msg of adapter.findMessages(document).slice(0, MAX_MESSAGES)) {
        try {
          const result = await process(msg);
          if (result) seen.push(result);
        } catch (error) {
          fail('message not analyzed', error);
        }
      }
      report(seen);
    } catch (error) {
      fail('scan failed', error);
    } finally {
      scanning = false;
      // Drop the records of codeguard's own writes; anything else schedules a new pass.
      if (observer) onMutations(observer.takeRecords());
      if (rescan) schedule();
    }
  }

  let coreMarked = false;
  // Which side ran the core, for tests and debugging: <html data-codeguard-core="local|background">.
  function markCore() {
    if (coreMarked) return;
    coreMarked = true;
    core.where().then((where) => document.documentElement.setAttribute('data-codeguard-core', where), () => {});
  }

  function schedule() {
    if (!enabled || stopped) return;
    const now = Date.now();
    if (!timer) firstChange = now;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      scan();
    }, Math.max(0, Math.min(QUIET_MS, firstChange + MAX_WAIT_MS - now)));
  }

  function isOwnNode(node) {
    return banner.isOwn(node);
  }

  function isOwnMutation(record) {
    if (record.type === 'attributes') {
      // Removing a blocked link's href is ours; the site putting one back is not.
      return record.attributeName === 'href' && record.target.hasAttribute('data-codeguard-link') && !record.target.hasAttribute('href');
    }
    if (record.type === 'childList') {
      // Inserting a banner is ours; a banner removed (the site re-rendering) must come back.
      return record.removedNodes.length === 0 && record.addedNodes.length > 0 && [...record.addedNodes].every(isOwnNode);
    }
    return false;
  }

  function onMutations(records) {
    try {
      if (records.some((record) => !isOwnMutation(record))) schedule();
    } catch (error) {
      fail('observer failed', error);
    }
  }

  function start() {
    if (enabled || stopped || !document.body) return;
    enabled = true;
    observer = new MutationObserver(onMutations);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: OBSERVED_ATTRIBUTES });
    schedule();
  }

  // Turned off for this site in the popup: take everything codeguard added away again.
  function pause() {
    enabled = false;
    if (observer) observer.disconnect();
    observer = null;
    clearTimeout(timer);
    timer = null;
    for (const host of document.querySelectorAll('[data-codeguard-verdict]')) if (banner.isOwn(host)) host.remove();
    for (const a of document.querySelectorAll(links.BLOCKED)) links.unblock(a);
    for (const root of document.querySelectorAll('[data-codeguard-scanned]')) {
      root.removeAttribute('data-codeguard-scanned');
      root.removeAttribute('data-codeguard-source');
      roots.delete(root);
    }
    report([]);
  }

  function stop() {
    stopped = true;
    if (observer) observer.disconnect();
    clearTimeout(timer);
  }

  function siteEnabled(sites) {
    return !sites || sites[adapter.site] !== false;
  }

  // Single-page navigation: Gmail routes by hash; Outlook by pushState, which an isolated
  // content script cannot hook, so the location is also polled.
  window.addEventListener('hashchange', schedule);
  window.addEventListener('popstate', schedule);
  setInterval(() => {
    if (stopped || location.href === lastHref) return;
    lastHref = location.href;
    schedule();
  }, LOCATION_POLL_MS);

  try {
    platform.onStorageChanged((changes, area) => {
      if (area !== 'local' || !changes.sites) return;
      try {
        if (siteEnabled(changes.sites.newValue)) start();
        else pause();
      } catch (error) {
        fail('settings change failed', error);
      }
    });
    platform
      .storageGet('sites')
      .then((stored) => (siteEnabled(stored.sites) ? start() : null))
      .catch((error) => {
        fail('settings unreadable', error);
        start();
      });
  } catch (error) {
    fail('start failed', error);
  }
})();
