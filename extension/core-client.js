// One way to reach the Rust core, wherever this script runs: `analyze(input)` resolves
// to a Verdict. The core is instantiated here when the context allows wasm; Chromium
// refuses wasm in a content script on a page whose CSP lacks 'unsafe-eval' (CompileError),
// and then the same core in the background answers instead, with the same results.
(function () {
  'use strict';
  const cg = (globalThis.codeguard = globalThis.codeguard || {});
  if (cg.core) return;
  const platform = cg.platform;

  // A failed attempt fires a CSP violation report on the host page (which the site may
  // send to its report endpoint), so the outcome is remembered: for the page in a
  // variable, and per site in storage.local ("wasmRefused": {origin: ms}) for a week.
  const REFUSED_KEY = 'wasmRefused';
  const RETRY_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
  let local = null;

  async function refusedHere() {
    if (cg.isBackground || !globalThis.location || !/^https:/.test(location.protocol)) return false;
    const stored = (await platform.storageGet(REFUSED_KEY))[REFUSED_KEY] || {};
    return Date.now() - (stored[location.origin] || 0) < RETRY_AFTER_MS;
  }

  async function rememberRefusal() {
    if (cg.isBackground || !/^https:/.test(location.protocol)) return;
    const stored = (await platform.storageGet(REFUSED_KEY))[REFUSED_KEY] || {};
    stored[location.origin] = Date.now();
    await platform.storageSet({ [REFUSED_KEY]: stored });
  }

  function loadLocal() {
    if (!local) {
      local = (async () => {
        if (typeof wasm_bindgen === 'undefined') return null;
        try {
          if (await refusedHere()) return null;
        } catch (_) {
          // Unreadable storage: just try.
        }
        try {
          const response = await fetch(platform.url('pkg/codeguard_bg.wasm'));
          const bytes = await response.arrayBuffer();
          // The async init: Chrome refuses a synchronous compile over 4 KB on a main thread.
          await wasm_bindgen({ module_or_path: bytes });
          return wasm_bindgen;
        } catch (error) {
          if (cg.isBackground) {
            platform.logOnce('core failed to load', error);
          } else {
            platform.logOnce('wasm refused here; the background analyzes', error);
            rememberRefusal().catch(() => {});
          }
          return null;
        }
      })();
    }
    return local;
  }

  async function viaBackground(message) {
    if (cg.isBackground) throw new Error('codeguard core unavailable');
    const reply = await platform.send(message);
    if (!reply || !reply.ok) throw new Error((reply && reply.error) || 'no answer from the background');
    return reply.result;
  }

  function toBase64(bytes) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  }

  cg.core = {
    loadLocal,

    // Where the last answer came from ('local' | 'background'), for tests and debugging.
    async where() {
      return (await loadLocal()) ? 'local' : 'background';
    },

    async analyze(input) {
      const core = await loadLocal();
      if (core) return core.analyze(input);
      return viaBackground({ type: 'analyze', input });
    },

    // Loads the core and builds its tables ahead of the first message: here when the page
    // allows wasm, else in the background (which a sleeping service worker then wakes for).
    async warm() {
      const core = await loadLocal();
      if (core) return core.warm();
      return viaBackground({ type: 'warm' });
    },

    async analyzeRaw(bytes) {
      const core = await loadLocal();
      if (core) return core.analyzeRaw(bytes);
      // Chrome serializes messages as JSON, which would turn a Uint8Array into an object.
      return viaBackground({ type: 'analyzeRaw', base64: toBase64(bytes) });
    },

    async alarm(records, nowMs) {
      const core = await loadLocal();
      if (!core) throw new Error('codeguard core unavailable');
      return core.alarm(records, nowMs);
    },

    async officialPages() {
      const core = await loadLocal();
      if (!core) throw new Error('codeguard core unavailable');
      return core.officialPages();
    },
  };
})();
