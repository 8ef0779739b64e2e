#!/usr/bin/env bash
# scripts/quality.sh — the derivatives of every corpus document, for an editor to grade by
# docs/quality.md: OUT/json/NAME.json is what `repurpose derive` prints, OUT/sheet.md the
# same posts as a numbered sheet.
#
#   scripts/quality.sh OUT [DIR]   # DIR defaults to ../shared/corpus
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${1:?usage: scripts/quality.sh OUT [DIR]}"
# Links as a deployment has them: a localhost link is not a URL to X, so it would count
# letter by letter and crowd out posts that fit beside a real link.
export REPURPOSE_PUBLIC_URL="${REPURPOSE_PUBLIC_URL:-https://toolkit.example.com}"
dir="${2:-../shared/corpus}"
mkdir -p "$out/json"
bin="$(mktemp -d)/repurpose"
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/repurpose
shopt -s nullglob
for f in "$dir"/*.md "$dir"/*.html "$dir"/*.txt; do
	name="$(basename "$f")"
	[[ "$name" == README.md ]] && continue
	if ! "$bin" derive "$f" > "$out/json/${name%.*}.json" 2> "$out/json/${name%.*}.err"; then
		printf '%s: %s\n' "$name" "$(cat "$out/json/${name%.*}.err")" >&2
		rm -f "$out/json/${name%.*}.json"
	fi
	rm -f "$out/json/${name%.*}.err"
done
go run ./scripts/qualitysheet "$out"/json/*.json > "$out/sheet.md"
printf '%s derivatives of %s documents in %s/sheet.md\n' \
	"$(grep -c '^## ' "$out/sheet.md")" "$(ls "$out"/json/*.json | wc -l)" "$out"
