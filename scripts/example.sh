#!/usr/bin/env bash
# Set everything up, then read the bundled example plan and query it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python examples/quickstart.py "$@"
