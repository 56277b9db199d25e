#!/usr/bin/env bash
# Installs Debian's chromium when it is missing (the diagram tests render Mermaid in it).
# Never downloads a browser from elsewhere. Needs root or sudo the first time.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "tthc: installing Debian's chromium for the diagram tests (apt-get)…" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium
