#!/usr/bin/env python3
"""Copies bench/results/*.md into the README's benchmark section (between the markers)."""
import pathlib
root = pathlib.Path(__file__).resolve().parent.parent
readme = root / "README.md"
text = readme.read_text()
start, end = "<!-- bench:start -->", "<!-- bench:end -->"
tables = "\n".join((root / "bench/results" / f).read_text().strip() + "\n"
                   for f in ("peers.md", "lsp.md", "dap.md") if (root / "bench/results" / f).exists())
block = start + "\n" + tables + end
if start in text:
    text = text[:text.index(start)] + block + text[text.index(end) + len(end):]
else:
    text = text.replace("BENCH_TABLES", block)
readme.write_text(text)
