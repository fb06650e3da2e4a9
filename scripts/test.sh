#!/usr/bin/env bash
# Installs the system packages the tests need, then runs every test. Tests that need the third-party data in
# ../shared are skipped when it is absent (and fail under CI=true, where it must be present).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
dotnet test -c Release "$@"
