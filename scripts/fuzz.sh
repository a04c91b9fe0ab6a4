#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS
# (default 10). Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-10}"
scripts/setup.sh
if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq clang libclang-rt-14-dev
fi
CXX=clang++ CC=clang cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDOSSIER_BUILD_FUZZERS=ON -DDOSSIER_BUILD_TESTS=OFF -DDOSSIER_BUILD_BENCHMARKS=OFF >/dev/null
targets=$(find src -name '*_fuzzer.cc' -exec basename {} .cc \; | sort)
cmake --build build/fuzz --target $targets
for t in $targets; do
  bin=$(find build/fuzz -type f -name "$t" -perm -u+x | head -1)
  corpus="build/fuzz/corpus/$t"
  mkdir -p "$corpus"
  seeds="testdata/fuzz/$t"
  echo "== $t for ${secs}s"
  if [ -d "$seeds" ]; then
    "$bin" -max_total_time="$secs" -max_len=65536 "$corpus" "$seeds" 2>&1 | tail -3
  else
    "$bin" -max_total_time="$secs" -max_len=65536 "$corpus" 2>&1 | tail -3
  fi
done
