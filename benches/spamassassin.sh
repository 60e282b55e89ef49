#!/usr/bin/env bash
# codeguard against SpamAssassin on the same labelled corpus, in the same run (issue 5).
#
#   benches/spamassassin.sh CORPUS_DIR        (a folder with index.tsv: file, ..., label)
#
# SpamAssassin is Debian's package with the rules it ships (no sa-update: no network), run
# as `spamd` on loopback and asked by `spamc -c` once per message. codeguard is the release
# CLI, one `codeguard scan --json FILE` process per message. Both timings include the
# client process start. Prints per-message median / p99 and, per label, how many messages
# each flags (SpamAssassin: score >= its threshold; codeguard: suspicious or dangerous).
# Needs: apt-get install spamassassin spamc spamd (./build.sh bench installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
CORPUS="${1:?usage: benches/spamassassin.sh CORPUS_DIR}"
INDEX="$CORPUS/index.tsv"
[ -f "$INDEX" ] || { echo "no $INDEX"; exit 2; }
CLI="${CLI:-$ROOT/target/release/codeguard}"
[ -x "$CLI" ] || cargo build --release --quiet --bin codeguard
if ! command -v spamd >/dev/null 2>&1 || ! command -v spamc >/dev/null 2>&1; then
  echo "SpamAssassin comparison skipped: spamd/spamc not installed (apt-get install spamassassin spamc spamd)"
  exit 0
fi

PORT="${SPAMD_PORT:-17830}"
WORK="$(mktemp -d)"
chmod 755 "$WORK"
SPAMD_PID=""
cleanup() {
  if [ -n "$SPAMD_PID" ]; then kill "$SPAMD_PID" 2>/dev/null || true; wait "$SPAMD_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# spamd on loopback only, local tests only (no DNS blocklists, no Razor/Pyzor: no network).
AS_USER=()
[ "$(id -u)" -eq 0 ] && AS_USER=(--username=nobody)
spamd --listen=127.0.0.1:"$PORT" --local --max-children=2 --min-children=1 "${AS_USER[@]}" \
  --nouser-config --pidfile="$WORK/spamd.pid" --syslog=stderr >"$WORK/spamd.log" 2>&1 &
SPAMD_PID=$!
for _ in $(seq 1 120); do
  if spamc -d 127.0.0.1 -p "$PORT" -K >/dev/null 2>&1; then break; fi
  sleep 0.5
done
spamc -d 127.0.0.1 -p "$PORT" -K >/dev/null 2>&1 || { echo "spamd did not start:"; tail -20 "$WORK/spamd.log"; exit 1; }
SA_VERSION="$(spamassassin --version 2>/dev/null | head -1)"

now_ns() { date +%s%N; }
# One line per message: label, sa_ns, sa_score, sa_threshold, cg_ns, cg_level
tail -n +2 "$INDEX" | while IFS=$'\t' read -r file _repo _path label _rest; do
  f="$CORPUS/$file"
  [ -f "$f" ] || continue
  t0=$(now_ns)
  sa="$(spamc -d 127.0.0.1 -p "$PORT" -c <"$f" 2>/dev/null || true)"
  t1=$(now_ns)
  cg="$("$CLI" scan --json "$f" 2>/dev/null || true)"
  t2=$(now_ns)
  score="${sa%%/*}"
  threshold="${sa##*/}"
  level="$(printf '%s' "$cg" | sed -n 's/.*"verdict":"\([a-z]*\)".*/\1/p')"
  [ -n "$level" ] || level="error"
  printf '%s\t%d\t%s\t%s\t%d\t%s\n' "$label" $((t1 - t0)) "${score:-0}" "${threshold:-5}" $((t2 - t1)) "$level"
done >"$WORK/results.tsv"

echo "== codeguard vs SpamAssassin on $CORPUS ($(wc -l <"$WORK/results.tsv") messages)"
echo "   $SA_VERSION, Debian rules, spamd on loopback with --local; codeguard $CLI"
awk -F'\t' '
function pct(a, n, q,   i, k, t, sorted) {
  for (i = 1; i <= n; i++) sorted[i] = a[i]
  # insertion sort: n is a few hundred
  for (i = 2; i <= n; i++) { t = sorted[i]; k = i - 1; while (k >= 1 && sorted[k] > t) { sorted[k + 1] = sorted[k]; k-- } sorted[k + 1] = t }
  k = int(q * n + 0.999999); if (k < 1) k = 1; if (k > n) k = n
  return sorted[k]
}
{
  n++; sa[n] = $2 / 1e6; cg[n] = $5 / 1e6
  label = $1; total[label]++
  if ($3 + 0 >= $4 + 0) saflag[label]++
  sasum[label] += $3
  if ($6 == "suspicious" || $6 == "dangerous") cgflag[label]++
  if ($6 == "genuine") cggen[label]++
}
END {
  printf "   per message, process start included: SpamAssassin (spamc) median %.1f ms, p99 %.1f ms; codeguard median %.1f ms, p99 %.1f ms\n", pct(sa, n, 0.5), pct(sa, n, 0.99), pct(cg, n, 0.5), pct(cg, n, 0.99)
  printf "\n   | label | messages | SpamAssassin flags (score >= threshold) | SpamAssassin mean score | codeguard flags (suspicious/dangerous) | codeguard genuine |\n"
  printf "   |---|---:|---:|---:|---:|---:|\n"
  split("phish-ms-code phish-ms-other phish-other legit-ms legit-other-code ham", order, " ")
  for (i = 1; i <= 6; i++) {
    l = order[i]; if (!(l in total)) continue
    printf "   | %s | %d | %d | %.1f | %d | %d |\n", l, total[l], saflag[l] + 0, sasum[l] / total[l], cgflag[l] + 0, cggen[l] + 0
  }
}' "$WORK/results.tsv"
