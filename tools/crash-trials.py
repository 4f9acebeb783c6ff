#!/usr/bin/env python3
"""Kill -9 trials (issue 12): the crash worker (crates/cli/examples/crash_worker.rs) saves
parties, imports registers, finalises reports and makes backups without end on one database;
it is killed with SIGKILL at a random moment, then checked: every change it had reported as
committed is there, SQLite's integrity check passes, and the audit chain is intact up to the
head kept beside the database. Repeated N times on the same database (so later trials start
from what earlier kills left).

    cargo build -p wederhoor-cli --examples
    python3 tools/crash-trials.py --kills 200 --seed 1

Prints one line per trial and a summary; exits 1 on the first loss.
"""
import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(here)
worker = os.path.join(repo, "target", "debug", "examples", "crash_worker")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-wait", type=float, default=2.5, help="seconds before the kill, at most")
    args = parser.parse_args()
    if not os.path.exists(worker):
        sys.exit(f"{worker} ontbreekt: bouw eerst met `cargo build -p wederhoor-cli --examples`")
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="wederhoor-kill-")
    db = os.path.join(work, "wederhoor.db")
    log = os.path.join(work, "committed.log")
    started = time.time()
    for trial in range(1, args.kills + 1):
        process = subprocess.Popen([worker, "run", db, log, str(args.seed * 100000 + trial)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait = rng.uniform(0.05, args.max_wait)
        time.sleep(wait)
        early = process.poll()
        if early is not None:
            sys.exit(f"trial {trial}: the worker stopped by itself ({early}): {process.stderr.read().decode()}")
        process.send_signal(signal.SIGKILL)
        process.wait()
        check = subprocess.run([worker, "verify", db, log], capture_output=True, text=True)
        line = (check.stdout or check.stderr).strip()
        print(f"trial {trial:3}: killed after {wait:.2f} s: {line}", flush=True)
        if check.returncode != 0:
            print(f"LOSS in trial {trial}; database kept in {work}", file=sys.stderr)
            sys.exit(1)
    with open(log) as f:
        kinds = {}
        for entry in f:
            kind = entry.split("\t", 1)[0]
            kinds[kind] = kinds.get(kind, 0) + 1
    print(f"{args.kills} kills in {time.time() - started:.0f} s, 0 committed changes lost; "
          f"committed before the kills: {', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}; work folder {work}")


if __name__ == "__main__":
    main()
