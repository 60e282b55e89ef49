// Times the shipped wasm (dist/extension/pkg) in node over a corpus folder: the same
// analyzeRaw the popup's raw-source check calls. Prints median / p90 / p99 / max per message.
//   node benches/wasm_bench.js PKG_DIR CORPUS_DIR [RUNS] [--each]
// --each prints every file's time and answer (used for the hostile set: a Rust panic in
// wasm shows as a RuntimeError "unreachable", which this reports as PANIC).
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const each = process.argv.includes('--each');
const [pkg, corpus, runsArg] = process.argv.slice(2).filter((a) => a !== '--each');
if (!pkg || !corpus) {
  console.error('usage: node wasm_bench.js PKG_DIR CORPUS_DIR [RUNS]');
  process.exit(2);
}
const runs = Math.max(1, parseInt(runsArg || '5', 10));
// --target no-modules glue declares a global `wasm_bindgen`.
vm.runInThisContext(fs.readFileSync(path.join(pkg, 'codeguard.js'), 'utf8') + '\n;globalThis.wasm_bindgen = wasm_bindgen;');
const t0 = process.hrtime.bigint();
wasm_bindgen.initSync({ module: fs.readFileSync(path.join(pkg, 'codeguard_bg.wasm')) });
const initMs = Number(process.hrtime.bigint() - t0) / 1e6;

function collect(dir, out) {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const st = fs.statSync(p);
    if (st.isDirectory()) collect(p, out);
    else if (name.toLowerCase().endsWith('.eml')) out.push(p);
  }
  return out;
}
const files = collect(corpus, []);
const messages = files.map((f) => [f, new Uint8Array(fs.readFileSync(f))]);
let errors = 0;
let panics = 0;
const levels = {};
const answers = new Map();
// The very first call pays for the lazily built tables and runs V8's baseline-compiled
// code: what the first message in a fresh tab or worker costs.
let firstMs = null;
for (const [f, bytes] of messages) {
  const s0 = process.hrtime.bigint();
  try {
    const v = wasm_bindgen.analyzeRaw(bytes);
    levels[v.level] = (levels[v.level] || 0) + 1;
    answers.set(f, `${v.level} (${v.claim})`);
  } catch (e) {
    const panic = e instanceof WebAssembly.RuntimeError;
    if (panic) panics++;
    else errors++;
    answers.set(f, (panic ? 'PANIC: ' : 'error: ') + String(e && e.message ? e.message : e));
  }
  if (firstMs === null) firstMs = Number(process.hrtime.bigint() - s0) / 1e6;
}
const per = [];
for (const [f, bytes] of messages) {
  const t = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    try { wasm_bindgen.analyzeRaw(bytes); } catch (e) { /* counted above */ }
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  t.sort((a, b) => a - b);
  per.push([t[Math.ceil(0.5 * t.length) - 1], f]);
}
if (each) {
  for (const [ms, f] of per) console.log(`   ${path.basename(f).padEnd(32)} ${String(fs.statSync(f).size).padStart(10)} ${ms.toFixed(1).padStart(9)} ms  ${answers.get(f)}`);
}
per.sort((a, b) => a[0] - b[0]);
const q = (p) => per.length ? per[Math.min(per.length, Math.max(1, Math.ceil(p * per.length))) - 1][0] : 0;
if (panics) process.exitCode = 1;
console.log(`   ${messages.length} messages, ${errors} unreadable, ${panics} panics; verdicts ${JSON.stringify(levels)}; init ${initMs.toFixed(1)} ms, first call ${firstMs === null ? '-' : firstMs.toFixed(1)} ms (cold)`);
console.log(`   per message: median ${q(0.5).toFixed(3)} ms, p90 ${q(0.9).toFixed(3)} ms, p99 ${q(0.99).toFixed(3)} ms, max ${q(1).toFixed(3)} ms (${runs} runs each, node ${process.version})`);
console.log('   slowest:');
for (const [ms, f] of per.slice(-3).reverse()) console.log(`     ${ms.toFixed(3)} ms  ${path.basename(f)} (${fs.statSync(f).size} bytes)`);
