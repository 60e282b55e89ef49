// The one place that knows which browser we run in. Firefox exposes promise-based
// `browser.*`; Chrome's `chrome.*` returns promises in MV3 too, so one facade with the
// same calls serves content scripts, the background and the popup.
(function () {
  'use strict';
  const cg = (globalThis.codeguard = globalThis.codeguard || {});
  if (cg.platform) return;
  const api = globalThis.browser ?? globalThis.chrome;

  const loggedKinds = new Set();

  cg.platform = {
    api,

    url: (path) => api.runtime.getURL(path),

    t(key, subs) {
      try {
        return api.i18n.getMessage(key, subs) || '';
      } catch (_) {
        return '';
      }
    },

    uiLanguage() {
      try {
        return api.i18n.getUILanguage();
      } catch (_) {
        return 'en';
      }
    },

    send(message) {
      return api.runtime.sendMessage(message);
    },

    storageGet(keys) {
      return api.storage.local.get(keys);
    },

    storageSet(items) {
      return api.storage.local.set(items);
    },

    // storage.session survives a Chrome service-worker restart but not a browser
    // restart: the right lifetime for per-tab state. Older browsers lack it.
    session: api.storage.session ?? null,

    onStorageChanged(listener) {
      api.storage.onChanged.addListener(listener);
    },

    // A failure is logged once per kind, so a broken selector cannot flood the console.
    logOnce(kind, error) {
      if (loggedKinds.has(kind)) return;
      loggedKinds.add(kind);
      console.warn('[codeguard]', kind, error);
    },
  };
})();
