// Runs at document_start, before the mail site draws its first message: loads the Rust
// core and builds its tables while the page is still loading, so that the first banner
// does not wait for the wasm compile. Never throws into the page.
(function () {
  'use strict';
  const cg = globalThis.codeguard;
  if (!cg || !cg.core || cg.warming) return;
  cg.warming = cg.core.warm().catch((error) => cg.platform.logOnce('core warm-up failed', error));
})();
