#!/usr/bin/env bash
# ctest report.browser: analyzes examples/corpus (with its knowledge base, so
# the planned role conflict is a finding) plus testdata/report/hostile
# (invented articles whose text, titles, outlets and URLs carry <script>,
# <img onerror>, "><svg onload> and javascript: payloads), then loads
# report.html in headless Chromium (network off) with browser_test.mjs.
# Usage: browser_test.sh DOSSIER_BINARY SOURCE_DIR
# Exit 77 (ctest: skipped) when Chromium or Node is not installed;
# scripts/setup.sh installs both, so CI runs the test.
set -euo pipefail
dossier="$1"
src="$2"

chromium="${CHROMIUM:-}"
if [ -z "$chromium" ]; then
  for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then chromium="$(command -v "$c")"; break; fi
  done
fi
if [ -z "$chromium" ] || [ ! -x "$chromium" ]; then
  echo "SKIP: no chromium found (scripts/setup.sh installs Debian's chromium; or set CHROMIUM=/path)"
  exit 77
fi
if ! command -v node >/dev/null 2>&1; then
  echo "SKIP: no node found (scripts/setup.sh installs Debian's nodejs)"
  exit 77
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$dossier" analyze "$src/examples/corpus" "$src/testdata/report/hostile" \
  --kb "$src/examples/kb/story-world.jsonl" --out "$tmp/out" >"$tmp/analyze.log" 2>&1 \
  || { cat "$tmp/analyze.log"; echo "FAIL: dossier analyze failed"; exit 1; }
node "$src/src/report/browser_test.mjs" "$tmp/out/report.html" --chromium "$chromium" \
  ${DOSSIER_BROWSER_SCREENSHOTS:+--screenshots "$DOSSIER_BROWSER_SCREENSHOTS"}
