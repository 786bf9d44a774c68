#!/usr/bin/env bash
# Runs a command with a supported Node.js first in PATH (see ensure-node.sh).
set -euo pipefail
# shellcheck source=scripts/ensure-node.sh
source "$(dirname "$0")/ensure-node.sh"
exec "$@"
