#!/usr/bin/env bash
# Runs every test of ActionNet Cluster: installs what is missing, builds, and runs the suite.
# Tests start their own Azurite, silos and stream servers on loopback and stop them afterwards.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
deploy/local/install-deps.sh
dotnet build ActionNet.Cluster.sln -c Release -nologo -clp:ErrorsOnly
# One test project at a time (-m:1): the cluster, stream and fault tests start real silos, Azurite and
# RTSP servers, and on a 2-core CI machine they must not compete with each other for the CPU.
dotnet test ActionNet.Cluster.sln -c Release --no-build -nologo -m:1 "$@"
