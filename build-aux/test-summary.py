#!/usr/bin/env python3
"""Prints 'N passed, N failed, N skipped' over meson testlog.json files.

Every TAP test point counts (a test program holds many); a program that
speaks no TAP counts once, by its result.
"""
import json
import re
import sys

TAP = re.compile(r"^(not )?ok\b(.*)$")

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            entries = [json.loads(line) for line in f if line.strip()]
    except OSError:
        failed += 1
        print(f"missing test log: {path}", file=sys.stderr)
        continue
    for entry in entries:
        result = entry.get("result", "")
        points = [TAP.match(l) for l in (entry.get("stdout") or "").splitlines()]
        points = [m for m in points if m]
        if not points:
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
            continue
        for m in points:
            rest = m.group(2)
            if "# SKIP" in rest.upper():
                skipped += 1
            elif m.group(1):
                failed += 0 if "# TODO" in rest.upper() else 1
            else:
                passed += 1
        # A program that crashed after its last test point still failed.
        if result not in ("OK", "SKIP", "EXPECTEDFAIL") and not any(m.group(1) for m in points):
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
