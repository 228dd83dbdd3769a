#!/usr/bin/env bash
# Installs what a fresh machine lacks for building and testing LLGo Frames.
# Idempotent: only asks apt for packages whose tools are missing.
set -euo pipefail

need=()
have() { command -v "$1" >/dev/null 2>&1; }
have java || need+=(openjdk-17-jdk-headless)
have mvn || need+=(maven)
have gcc || need+=(gcc libc6-dev)
have readelf || need+=(binutils)
have gdb || need+=(gdb)
have ld.lld || need+=(lld)                       # lld-shaped fixtures (PIE slots left 0, rows last)
have aarch64-linux-gnu-gcc || need+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross binutils-aarch64-linux-gnu)
have llvm-symbolizer-19 || need+=(llvm-19)       # benchmark peer
have addr2line || need+=(binutils)
have npm || need+=(npm)                         # vscode-client (Node 24 and code-server come from npm: scripts/install-vscode-e2e.sh)

if ((${#need[@]})); then
  echo "install-deps: installing ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
