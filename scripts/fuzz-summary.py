#!/usr/bin/env python3
"""Turns the logs of scripts/fuzz-campaign.sh into the README's table: per entry point the inputs
libFuzzer ran, the seconds, its last cov/ft counters and how the run ended (the campaign's own
'DONE' line, or the finding Jazzer reported)."""
import pathlib
import re
import sys

logs = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "fuzz-logs")
ansi = re.compile(r"\x1b\[[0-9;]*m")
print("| entry point (test) | inputs | time | cov / ft | outcome |")
print("| --- | ---: | ---: | --- | --- |")
for log in sorted(logs.glob("*.log")):
    if log.name == "campaign.log":
        continue
    text = ansi.sub("", log.read_text(errors="replace"))
    done = re.findall(r"Done (\d+) runs in (\d+) second", text)
    cov = re.findall(r"cov: (\d+) ft: (\d+)", text)
    failed = re.search(r"Tests run: \d+, Failures: (\d+), Errors: (\d+)", text)
    finding = re.search(r"(crash-[0-9a-f]{40}|== Java Exception: .*|FuzzerSecurityIssue\w*: .*)", text)
    runs, secs = (f"{int(done[-1][0]):,}", f"{int(done[-1][1])} s") if done else ("—", "—")
    ft = f"{cov[-1][0]} / {cov[-1][1]}" if cov else "—"
    if finding:
        outcome = "finding: " + finding.group(1)[:100]
    elif failed and (failed.group(1) != "0" or failed.group(2) != "0"):
        outcome = "test failed (see log)"
    elif done:
        outcome = "no finding"
    else:
        outcome = "did not finish"
    name = log.stem.replace(".", "#")
    print(f"| `{name}` | {runs} | {secs} | {ft} | {outcome} |")
