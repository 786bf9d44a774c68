# Sourced by the scripts that run Accord or its tests: puts a supported Node.js (22 or newer; 24 LTS preferred) first
# in PATH. Node 20 reached end of life in April 2026 and current releases of Accord's dependencies require 22+. When
# the machine's node is older, Node.js 24 LTS is installed from the npm registry's official binary package
# (node-linux-<arch>, the binary ships inside the package: nothing is downloaded from elsewhere) into .tools/node.
accord_node_supported() {
  node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 22 ? 0 : 1)' >/dev/null 2>&1
}
if ! accord_node_supported; then
  accord_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  case "$(uname -m)" in
    x86_64) accord_arch=x64 ;;
    aarch64 | arm64) accord_arch=arm64 ;;
    *) echo "Unsupported processor $(uname -m): install Node.js 24 LTS and try again." >&2; return 1 2>/dev/null || exit 1 ;;
  esac
  accord_node_bin="$accord_root/.tools/node/node_modules/node-linux-$accord_arch/bin"
  if [ ! -x "$accord_node_bin/node" ]; then
    echo "Node.js $(node --version 2>/dev/null || echo 'is missing'): installing Node.js 24 LTS (npm package node-linux-$accord_arch@24) into .tools/node" >&2
    mkdir -p "$accord_root/.tools/node"
    npm install --no-audit --no-fund --no-package-lock --prefix "$accord_root/.tools/node" "node-linux-$accord_arch@24" >/dev/null ||
      { echo "Could not install Node.js 24 from the npm registry." >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$accord_node_bin:$PATH"
  accord_node_supported || { echo "Node.js in .tools/node does not run on this machine." >&2; return 1 2>/dev/null || exit 1; }
fi
