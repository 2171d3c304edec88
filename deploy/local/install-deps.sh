#!/usr/bin/env bash
# Installs what ActionNet Cluster needs on a Debian machine that already has the .NET SDK and Node.
# Idempotent: each step checks first and does nothing when the dependency is already there.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# Debian packages:
#   libgtk-3-0   OpenCvSharp's official Linux runtime links GTK
#   ffmpeg       network-stream decoding (OpenCvSharp's bundled FFmpeg has no network support)
#   gstreamer RTSP server + python3-gi   a real RTSP server on loopback for stream tests
#   golang-go + sprig + sigs.k8s.io/yaml   deploy/helm-render, the chart renderer the deploy tests build
#   yamllint     lints the rendered chart in the deploy tests
#   chromium + fonts-dejavu-core   the headless browser the console tests drive (Playwright's downloads do not work here)
#   mosquitto    a real MQTT broker for the alert tests (they start their own on a free loopback port with a
#                generated config; the package's system service is not used)
packages=(libgtk-3-0 ffmpeg python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base
          gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav
          golang-go golang-github-masterminds-sprig-dev golang-k8s-sigs-yaml-dev yamllint
          chromium fonts-dejavu-core mosquitto)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm: Azurite and Redocly's CLI (the OpenAPI lint the API tests run), pinned by deploy/local/package-lock.json.
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  echo "install-deps: installing Azurite and Redocly CLI from npm"
  (cd "$here" && npm ci --no-audit --no-fund --silent)
fi

# The web console: npm ci (pinned by src/ActionNet.Web/package-lock.json), then vite builds it into the
# API host's wwwroot. Rebuilt only when wwwroot is missing or older than any of the console's sources.
web="$here/../../src/ActionNet.Web"
site="$web/../ActionNet.Api/wwwroot/index.html"
if [ ! -f "$web/node_modules/.package-lock.json" ] || [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
  echo "install-deps: installing the web console's npm packages"
  (cd "$web" && npm ci --no-audit --no-fund --silent)
fi
if [ ! -f "$site" ] || [ -n "$(find "$web" -path "$web/node_modules" -prune -o -type f -newer "$site" -print -quit)" ]; then
  echo "install-deps: building the web console into src/ActionNet.Api/wwwroot"
  (cd "$web" && npm run build --silent >/dev/null)
fi

command -v dotnet >/dev/null || { echo "install-deps: the .NET SDK (dotnet) is not on PATH; install .NET 10 first" >&2; exit 1; }

# .NET tools pinned by .config/dotnet-tools.json: Kiota, which the API tests use to generate a client from the
# OpenAPI document. Restoring is a no-op once the pinned versions are in the NuGet cache.
(cd "$here/../.." && dotnet tool restore >/dev/null)
