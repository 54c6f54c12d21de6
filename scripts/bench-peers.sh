#!/usr/bin/env bash
# The bench's peers, installed the way .ci/run installs packages (Debian, only what is missing):
# pandoc (minutes.pandoc_3000_ms) and python3-openpyxl (opinions.openpyxl_100000_ms).
# The bench runs without them and says which comparison it left out.
set -euo pipefail
need=()
command -v pandoc >/dev/null 2>&1 || need+=(pandoc)
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || need+=(python3-openpyxl)
if [ ${#need[@]} -gt 0 ]; then
  echo "apt-get install: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
