#!/usr/bin/env python3
"""Compare codeguard with SpamAssassin on a labelled corpus, in one run.

SpamAssassin runs as Debian packages it (its shipped rules, local tests only: no
network, no rule updates) as `spamd` on loopback; each message goes through `spamc`.
codeguard judges the same files with its CLI. Prints a Markdown table: time per
message and how many Microsoft fakes each catches, and how many ordinary mails each
flags by mistake.

usage: tools/compare-spamassassin.py CORPUS_DIR [CODEGUARD_BINARY]
"""

import csv
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

PORT = 17830
MS_PHISH = ("phish-ms-code", "phish-ms-other")


def read_index(corpus):
    with open(os.path.join(corpus, "index.tsv"), newline="", encoding="utf-8") as f:
        return [(row["file"], row["label"]) for row in csv.DictReader(f, delimiter="\t")]


def wait_for_port(port, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.2)
    return False


def run_spamassassin(corpus, entries):
    """Returns {file: (flagged, seconds)} from spamc against a loopback spamd."""
    home = tempfile.mkdtemp(prefix="sa-home-")
    shutil.chown(home, "debian-spamd") if os.geteuid() == 0 else None
    cmd = ["spamd", "-L", "--listen", f"127.0.0.1:{PORT}", "--max-children", "2",
           "--syslog", "stderr", "--helper-home-dir", home, "--pidfile", os.path.join(home, "pid")]
    if os.geteuid() == 0:
        cmd += ["--username", "debian-spamd"]
    spamd = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not wait_for_port(PORT, 120):
            sys.exit("spamd did not start on loopback")
        results = {}
        for file, _ in entries:
            with open(os.path.join(corpus, file), "rb") as f:
                data = f.read()
            started = time.perf_counter()
            done = subprocess.run(["spamc", "-d", "127.0.0.1", "-p", str(PORT), "-c"],
                                  input=data, capture_output=True, timeout=120)
            results[file] = (done.returncode == 1, time.perf_counter() - started)
        return results
    finally:
        spamd.terminate()
        spamd.wait(timeout=30)
        shutil.rmtree(home, ignore_errors=True)


def run_codeguard(corpus, entries, binary):
    """Returns {file: (flagged, seconds)}; each file in its own process, start included."""
    results = {}
    for file, _ in entries:
        started = time.perf_counter()
        done = subprocess.run([binary, "scan", "--json", os.path.join(corpus, file)],
                              capture_output=True, timeout=60)
        elapsed = time.perf_counter() - started
        line = json.loads(done.stdout.decode() or "{}")
        results[file] = (line.get("verdict") in ("suspicious", "dangerous"), elapsed)
    return results


def row(name, entries, results):
    def caught(labels):
        files = [f for f, label in entries if label in labels]
        return f"{sum(results[f][0] for f in files)}/{len(files)}"

    times = sorted(seconds for _, seconds in results.values())
    median_ms = statistics.median(times) * 1000
    p99_ms = times[int(round((len(times) - 1) * 0.99))] * 1000
    return (f"| {name} | {median_ms:.1f} | {p99_ms:.1f} | {caught(('phish-ms-code',))} | "
            f"{caught(('phish-ms-other',))} | {caught(('phish-other',))} | {caught(('ham', 'legit-other-code'))} | "
            f"{caught(('legit-ms',))} |")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    corpus = sys.argv[1]
    binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/codeguard"
    entries = read_index(corpus)
    sa = run_spamassassin(corpus, entries)
    cg = run_codeguard(corpus, entries, binary)
    print(f"{len(entries)} messages from {corpus}; time per message includes the client process "
          "(spamc / codeguard), flagged = spam (SpamAssassin) or suspicious/dangerous (codeguard)\n")
    print("| tool | median ms | p99 ms | phish-ms-code flagged | phish-ms-other flagged | "
          "phish-other flagged | ham flagged | legit-ms flagged |")
    print("|---|---|---|---|---|---|---|---|")
    print(row("SpamAssassin (Debian, local rules)", entries, sa))
    print(row("codeguard scan", entries, cg))


if __name__ == "__main__":
    main()
