#!/usr/bin/env bash
# The demo: installs the system packages the runtime needs, then serves the web app with the shipped model on
# http://127.0.0.1:5000 (open it in a browser and allow the camera). Extra arguments go to the runtime,
# e.g. scripts/demo.sh --source 0 for the server's own camera, or --urls http://0.0.0.0:5000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
exec dotnet run --project runtime -c Release -- "$@"
