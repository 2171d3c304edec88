#!/usr/bin/env bash
# The main job on its embedded default: installs what is missing, builds, then runs `actionnet demo`:
# Azurite + a silo + the API host with the web console on 127.0.0.1 (it prints `api:` and `api key:`), the
# synthetic demo model (trained on first use, then reused), one held-out looping scene per action as demo
# cameras, live labels, a history query and the per-camera label match before it exits. Ctrl-C stops everything it started.
# Extra arguments go to `actionnet demo` (e.g. --seconds 60, --keep-running, --preset resnet18-2d-rgb).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
deploy/local/install-deps.sh
dotnet build ActionNet.Cluster.sln -c Release -nologo -clp:ErrorsOnly
exec dotnet client/ActionNet.Cli/bin/Release/net10.0/actionnet.dll demo "$@"
