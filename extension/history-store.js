// The code-mail history in storage.local: one record per distinct code mail
// {dateMs, idHash, claim, level, asked}, nothing else about the mail. The alarm that
// reads it lives in the Rust core (src/history.rs); this file only stores.
(function () {
  'use strict';
  const cg = (globalThis.codeguard = globalThis.codeguard || {});
  if (cg.history) return;
  const platform = cg.platform;

  const KEY = 'history';
  const DAY_MS = 24 * 60 * 60 * 1000;
  const RETENTION_MS = 90 * DAY_MS;
  const MAX_RECORDS = 5000;
  // The claims the core's alarm counts (history::counts): codes and unusual-sign-in alerts.
  const COUNTED = new Set(['security_code', 'single_use_code', 'password_reset', 'sign_in_alert']);

  // Writes are chained so that two tabs reporting at once cannot lose each other's record.
  let queue = Promise.resolve();
  function serialized(task) {
    const run = queue.then(task);
    queue = run.catch(() => {});
    return run;
  }

  function prune(records, nowMs) {
    const kept = records.filter((r) => r && typeof r.dateMs === 'number' && nowMs - r.dateMs < RETENTION_MS);
    return kept.slice(-MAX_RECORDS);
  }

  async function load() {
    const stored = await platform.storageGet(KEY);
    return Array.isArray(stored[KEY]) ? stored[KEY] : [];
  }

  async function sha256Hex(text) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // Identity of a mail: its message id where the site shows one (Gmail), else what the
  // person sees of it. Only the hash is kept.
  function idHash(seen) {
    const source = seen.messageId
      ? 'id:' + seen.messageId
      : ['mail', seen.senderAddress, seen.subject, seen.date, seen.verdict.code].map((s) => s || '').join('\n');
    return sha256Hex(source);
  }

  // The mail's date as shown by the site (localized text). Unparsable or implausible
  // dates fall back to "now"; a date is never later than when the mail was first seen,
  // so a forged Date: header cannot keep a record alive forever.
  function dateMs(text, nowMs) {
    const parsed = Date.parse(String(text || '').replace(/[\u202f\u00a0]/g, ' ').replace(/ at /, ' '));
    if (!Number.isFinite(parsed) || nowMs - parsed > RETENTION_MS) return nowMs;
    return Math.min(parsed, nowMs);
  }

  function counted(verdict) {
    return verdict && verdict.level !== 'none' && COUNTED.has(verdict.claim);
  }

  // Adds or updates the records for mails just seen; returns whether anything changed.
  function record(entries, nowMs) {
    return serialized(async () => {
      const records = prune(await load(), nowMs);
      let changed = false;
      for (const { hash, seen } of entries) {
        if (!counted(seen.verdict)) continue;
        const existing = records.find((r) => r.idHash === hash);
        if (existing) {
          // The raw-source proof can change the level later; the date and "asked" stay.
          if (existing.level !== seen.verdict.level || existing.claim !== seen.verdict.claim) {
            existing.level = seen.verdict.level;
            existing.claim = seen.verdict.claim;
            changed = true;
          }
          continue;
        }
        records.push({ dateMs: dateMs(seen.date, nowMs), idHash: hash, claim: seen.verdict.claim, level: seen.verdict.level, asked: false });
        changed = true;
      }
      if (changed) await platform.storageSet({ [KEY]: records });
      return changed;
    });
  }

  function setAsked(hash, asked) {
    return serialized(async () => {
      const records = await load();
      const target = records.find((r) => r.idHash === hash);
      if (!target) return false;
      target.asked = Boolean(asked);
      await platform.storageSet({ [KEY]: records });
      return true;
    });
  }

  function clear() {
    return serialized(() => platform.storageSet({ [KEY]: [] }));
  }

  async function current(nowMs) {
    return prune(await load(), nowMs);
  }

  cg.history = { idHash, record, setAsked, clear, current, counted };
})();
