#!/usr/bin/env bash
# Refreshes the dashboard screenshots in docs/ from the demo city:
#   docs/screenshots.sh        (needs chromium and fonts-noto-cjk: apt-get install chromium fonts-noto-cjk)
set -euo pipefail
cd "$(dirname "$0")/.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run ./cmd/govscore demo --dir "$tmp/demo" >/dev/null
site="$tmp/demo/site"

shot() { # shot PAGE OUT HEIGHT
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$tmp/profile" \
    --force-device-scale-factor=1 --window-size="1280,$3" --virtual-time-budget=5000 \
    --screenshot="$2" "file://$site/$1" 2>/dev/null
  echo "$2"
}
shot index.html docs/dashboard-overview.png 2200
shot dept/JXW.html docs/dashboard-department.png 1500
shot ind/volume.html docs/dashboard-indicator.png 1150
