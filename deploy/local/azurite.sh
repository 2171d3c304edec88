#!/usr/bin/env bash
# Starts, stops or reports the local Azure Storage emulator (Azurite) on 127.0.0.1.
#   deploy/local/azurite.sh start [data-dir]   idempotent: does nothing when it already answers
#   deploy/local/azurite.sh stop
#   deploy/local/azurite.sh status
# Ports: AZURITE_BLOB_PORT (10000), AZURITE_QUEUE_PORT (10001), AZURITE_TABLE_PORT (10002).
# Flags follow ../shared/platform-notes.md: --disableTelemetry always (no outside traffic),
# --skipApiVersionCheck because Azure.Storage.Blobs 12.30 sends a newer API version than Azurite knows.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
blob_port="${AZURITE_BLOB_PORT:-10000}"
queue_port="${AZURITE_QUEUE_PORT:-10001}"
table_port="${AZURITE_TABLE_PORT:-10002}"
state="$root/.work/azurite-$blob_port"
pidfile="$state/azurite.pid"

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$blob_port") 2>/dev/null; }

case "${1:-status}" in
  start)
    if answers; then echo "azurite: already answering on 127.0.0.1:$blob_port"; exit 0; fi
    [ -x "$here/node_modules/.bin/azurite" ] || (cd "$here" && npm install --no-audit --no-fund --silent)
    data="${2:-$state/data}"
    mkdir -p "$data" "$state"
    setsid "$here/node_modules/.bin/azurite" --disableTelemetry --skipApiVersionCheck --loose \
      --location "$data" \
      --blobHost 127.0.0.1 --blobPort "$blob_port" \
      --queueHost 127.0.0.1 --queuePort "$queue_port" \
      --tableHost 127.0.0.1 --tablePort "$table_port" >"$state/azurite.log" 2>&1 < /dev/null &
    echo $! >"$pidfile"
    for _ in $(seq 1 100); do
      if answers; then echo "azurite: started on 127.0.0.1:$blob_port (data $data)"; exit 0; fi
      sleep 0.2
    done
    echo "azurite: did not answer on 127.0.0.1:$blob_port within 20 s; see $state/azurite.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$pidfile" ]; then
      pid="$(cat "$pidfile")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$pidfile"
      echo "azurite: stopped"
    else
      echo "azurite: not started by this script"
    fi
    ;;
  status)
    if answers; then echo "azurite: answering on 127.0.0.1:$blob_port"; else echo "azurite: not answering on 127.0.0.1:$blob_port"; exit 1; fi
    ;;
  *) echo "usage: $0 start [data-dir] | stop | status" >&2; exit 2 ;;
esac
