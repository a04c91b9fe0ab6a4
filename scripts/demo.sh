#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a dossier: installs the
# dependencies, builds a Release binary and analyzes the shipped example
# corpus. Usage: scripts/demo.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dossier-out}"

scripts/setup.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DDOSSIER_BUILD_TESTS=OFF -DDOSSIER_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build/release --target dossier
echo
build/release/src/cli/dossier analyze examples/corpus \
  --kb examples/kb/story-world.jsonl --out "$out"
echo
echo "The dossier is in $out/dossier.json; open $(realpath "$out")/report.html in a browser."
echo "The binary is build/release/src/cli/dossier (try --help)."
