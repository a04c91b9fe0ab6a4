#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a tested build: installs the
# dependencies, builds everything and runs the whole test suite (ctest).
# When ../shared (the evaluation data) is present it also checks the eval
# floors in src/eval/floors.json. This is what CI runs (.ci/run).
# Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
jobs=$(nproc)
cmake -S . -B build/test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/test -j "$jobs"
ctest --test-dir build/test --output-on-failure -j "$jobs"

if [ -d ../shared/data ]; then
  echo "== eval floors (../shared present)"
  build/test/src/cli/dossier eval --floors src/eval/floors.json --shared ../shared
else
  echo "== eval floors skipped: ../shared not found"
fi
