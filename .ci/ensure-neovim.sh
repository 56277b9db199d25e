#!/usr/bin/env bash
# Installs Debian's neovim when it is missing (test/neovim.test.ts drives `tthc lsp` from
# Neovim's built-in LSP client). Never downloads an editor from elsewhere. Needs root or sudo
# the first time.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "tthc: installing Debian's neovim for the editor test (apt-get)…" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends neovim
