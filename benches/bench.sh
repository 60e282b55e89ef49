#!/usr/bin/env bash
# codeguard's benchmark (issue 5): prints figures; it asserts nothing except that every
# hostile input gets an answer with exit 0 within 250 ms.
#
#   benches/bench.sh [CORPUS_DIR]        (default: ../shared/corpus beside the repo, if there)
#
# 1. hostile inputs through the release CLI, one process per message (start included)
# 2. native analysis time per message over the corpus: median / p90 / p99 / max
# 3. the shipped wasm (dist/extension/pkg) in node: the hostile set, then the corpus
# 4. the shipped .wasm size, raw and gzipped
# 5. SpamAssassin (spamd on loopback) against codeguard on the labelled corpus
#    (benches/spamassassin.sh; skipped when spamassassin/spamc are not installed)
# Env: RUNS (timings per message, default 5), CLI (a prebuilt codeguard binary).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
RUNS="${RUNS:-5}"
CORPUS="${1:-}"
if [ -z "$CORPUS" ] && [ -d "$ROOT/../shared/corpus" ]; then CORPUS="$ROOT/../shared/corpus"; fi
PKG="$ROOT/dist/extension/pkg"

echo "codeguard benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m), $(rustc --version)"
if [ -z "${CLI:-}" ]; then
  cargo build --release --quiet --bin codeguard
  CLI="$ROOT/target/release/codeguard"
fi
cargo build --release --quiet --manifest-path benches/runner/Cargo.toml --target-dir target/bench-runner
status=0
HOSTILE_DIR="$(mktemp -d)"
trap 'rm -rf "$HOSTILE_DIR"' EXIT
args=(--cli "$CLI" --runs "$RUNS" --keep "$HOSTILE_DIR")
[ -n "$CORPUS" ] && args+=(--corpus "$CORPUS")
target/bench-runner/release/codeguard-bench "${args[@]}" || status=$?

echo
echo "== wasm in node ($PKG)"
if [ -f "$PKG/codeguard_bg.wasm" ] && command -v node >/dev/null 2>&1; then
  echo "   hostile set through analyzeRaw (1 run each; PANIC would mean a Rust panic in wasm):"
  node benches/wasm_bench.js "$PKG" "$HOSTILE_DIR" 1 --each || status=$?
  echo "   corpus:"
  if [ -n "$CORPUS" ]; then node benches/wasm_bench.js "$PKG" "$CORPUS" "$RUNS"; else echo "   (no corpus)"; fi
  raw=$(stat -c %s "$PKG/codeguard_bg.wasm")
  gz=$(gzip -9 -c "$PKG/codeguard_bg.wasm" | wc -c)
  awk -v r="$raw" -v g="$gz" 'BEGIN { printf "\n== shipped .wasm size: %d bytes raw (%.1f KiB), %d bytes gzip -9 (%.1f KiB); target <= 500 KB gzipped (500,000 bytes)\n", r, r / 1024, g, g / 1024 }'
else
  echo "   no $PKG/codeguard_bg.wasm (run ./build.sh first) or no node: wasm figures skipped"
fi

echo
if [ -n "$CORPUS" ] && [ -f "$CORPUS/index.tsv" ]; then
  CLI="$CLI" benches/spamassassin.sh "$CORPUS" || status=$?
else
  echo "(no labelled corpus: SpamAssassin comparison skipped)"
fi
exit $status
