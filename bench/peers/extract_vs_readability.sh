#!/usr/bin/env bash
# Side-by-side benchmark: dossier's HTML main-text extractor against Mozilla
# Readability on linkedom (Node), on the same pages in the same run, both on
# one core. Prints both figures (throughput and extraction F1) and the ratio.
# Usage: bench/peers/extract_vs_readability.sh [DOSSIER_BIN] [DATA_DIR]
#   DATA_DIR defaults to ../shared/data/extraction (trafilatura's eval set).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-$root/build/release/src/cli/dossier}"
data="${2:-$root/../shared/data/extraction}"
peer="$root/bench/peers/readability"
if [ ! -d "$peer/node_modules" ]; then
  (cd "$peer" && npm ci --no-audit --no-fund >/dev/null)
fi
ours=$("$bin" eval extract "$data" --json --threads 1)
theirs=$(node "$peer/extract.mjs" "$data")
python3 - "$ours" "$theirs" <<'PY'
import json, sys
ours, theirs = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"{'tool':<24}{'pages/s':>10}{'F1':>8}{'P':>8}{'R':>8}")
print(f"{'dossier (1 thread)':<24}{ours['pages_per_second']:>10.1f}{ours['f1']:>8.3f}"
      f"{ours['precision']:>8.3f}{ours['recall']:>8.3f}")
print(f"{theirs['tool']:<24}{theirs['pages_per_second']:>10.1f}{theirs['f1']:>8.3f}"
      f"{theirs['precision']:>8.3f}{theirs['recall']:>8.3f}")
print(f"speed ratio dossier/readability: {ours['pages_per_second'] / theirs['pages_per_second']:.1f}x")
print(json.dumps({"dossier": ours, "readability": theirs,
                  "speed_ratio": ours['pages_per_second'] / theirs['pages_per_second']}))
PY
