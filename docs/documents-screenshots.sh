#!/usr/bin/env bash
# Refreshes docs/bulletin.png (the 通报's first page, printed to PDF by Chromium) and
# docs/template.png (the fill-in template's first printed page, by LibreOffice) from the demo city:
#   docs/documents-screenshots.sh
# needs: apt-get install chromium fonts-noto-cjk poppler-utils libreoffice-calc
set -euo pipefail
cd "$(dirname "$0")/.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/govscore" ./cmd/govscore
"$tmp/govscore" demo --dir "$tmp/demo" >/dev/null
db="$tmp/demo/govscore.duckdb"

"$tmp/govscore" --db "$db" bulletin --month 2014-11 --out "$tmp/bulletin.pdf" >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/bulletin.pdf" docs/bulletin
echo docs/bulletin.png

"$tmp/govscore" --db "$db" template --month 2014-12 --out "$tmp/template.xlsx" >/dev/null
soffice --headless -env:UserInstallation="file://$tmp/lo" --convert-to pdf --outdir "$tmp" "$tmp/template.xlsx" >/dev/null 2>&1
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/template.pdf" docs/template
echo docs/template.png
