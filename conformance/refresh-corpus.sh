#!/usr/bin/env bash
# Refreshes the repo's copy of the conformance corpus from ../shared/conformance,
# so that the repo's tests stand alone on a clean clone.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="${1:-$here/../../shared/conformance}"
[ -d "$src" ] || { echo "no corpus at $src (pass its path as the first argument)" >&2; exit 1; }
cp "$src"/*.jsonl "$src"/manifest.json "$src"/README.md "$here/corpus/"
echo "copied $(ls "$src"/*.jsonl | wc -l) corpus files from $src"
