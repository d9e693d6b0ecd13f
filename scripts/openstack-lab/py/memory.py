"""Resident memory per lab service (sum over its process group), in MiB.

usage: memory.py RUN_DIR   (reads the NAME.pid files that lib.sh's start() wrote)
Proportional set size (Pss) is used where readable, so forked workers that share
pages with their parent are not counted twice.
"""
import os
import sys

run = sys.argv[1]
groups = {}
for f in sorted(os.listdir(run)):
    if f.endswith(".pid"):
        pid, _, start = open(os.path.join(run, f)).read().strip().partition(" ")
        groups[int(pid)] = f[:-4]
total = {}
for p in os.listdir("/proc"):
    if not p.isdigit():
        continue
    try:
        pgid = os.getpgid(int(p))
        if pgid not in groups:
            continue
        kb = 0
        try:
            for line in open(f"/proc/{p}/smaps_rollup"):
                if line.startswith("Pss:"):
                    kb = int(line.split()[1])
        except OSError:
            for line in open(f"/proc/{p}/status"):
                if line.startswith("VmRSS:"):
                    kb = int(line.split()[1])
        total[groups[pgid]] = total.get(groups[pgid], 0) + kb
    except (OSError, ProcessLookupError):
        continue
for name, kb in sorted(total.items(), key=lambda x: -x[1]):
    print(f"{name:16s} {kb / 1024:7.0f} MiB")
print(f"{'TOTAL':16s} {sum(total.values()) / 1024:7.0f} MiB")
