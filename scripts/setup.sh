#!/usr/bin/env bash
# Installs what dossier needs to build and test, from Debian 12 packages.
# Idempotent and non-interactive; uses sudo when not run as root.
# Usage: scripts/setup.sh
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libicu-dev          # Unicode: UTF-8, NFC normalization, sentence breaks
  libre2-dev          # linear-time regular expressions
  rapidjson-dev       # JSON reading/writing and JSON Schema validation
  libxml2-dev         # tolerant HTML parsing
  libcli11-dev        # command-line parsing
  libgtest-dev libgmock-dev  # unit tests
  libbenchmark-dev    # micro-benchmarks
  zlib1g-dev          # .warc.gz (gzip) input
  libcld2-dev         # language detection
  chromium nodejs     # report.html browser test (headless, DevTools pipe)
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
