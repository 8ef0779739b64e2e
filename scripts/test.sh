#!/usr/bin/env bash
# scripts/test.sh — the one command that runs every test of repurpose.
#
# On a fresh Debian machine with Go it installs what the tests need (only what is missing):
# redis-server, awscli, docker-compose, gcc (for -race), chromium (browser tests), the Noto fonts (cards),
# poppler-utils (the PDF reader), pandoc (makes Word and PowerPoint files from the corpus) and qpdf (makes an
# encrypted PDF) from apt, and versitygw v1.8.0 and gotestsum v1.13.0
# built into $HOME/.cache/repurpose/bin. Then it checks deploy/compose.yaml, gofmt, go vet,
# runs go test -race over the whole module (a line per package as each finishes, then every
# skipped test with its reason and every failure with its output), and each fuzz target
# for 5 s.
# Works as root or through sudo.
#
#   scripts/test.sh                      # everything
#   scripts/test.sh -run TestX ./web/...     # go test arguments (packages default to ./...)
#   scripts/test.sh --setup-only         # install and build the services, nothing else
#
# CI (.ci/run) sets CI=true: tests that cannot start a service then fail instead of skip.
set -euo pipefail

VERSITYGW_VERSION=v1.8.0
# gotestsum turns go test -json into a line per package and lists skipped tests at the end
# (a hand-written formatter would have to track the same events; gotest.tools keeps it).
GOTESTSUM_VERSION=v1.13.0

cd "$(dirname "${BASH_SOURCE[0]}")/.."

setup_only=false
if [[ "${1:-}" == "--setup-only" ]]; then
	setup_only=true
	shift
fi

say() { printf '==> %s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

command -v go >/dev/null 2>&1 || die "go is not installed (see go.mod for the version); install it from https://go.dev/dl/"

# --- packages from apt ------------------------------------------------------------------
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
{ [[ -x /usr/bin/aws ]] || command -v aws >/dev/null 2>&1; } || missing+=(awscli)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v gcc >/dev/null 2>&1 || missing+=(gcc libc6-dev) # go test -race needs cgo
command -v pdftohtml >/dev/null 2>&1 || missing+=(poppler-utils) # the PDF reader (inputs/pdf)
command -v pandoc >/dev/null 2>&1 || missing+=(pandoc)               # .docx and .pptx from the corpus Markdown
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)                   # an encrypted PDF for the PDF reader's tests
command -v curl >/dev/null 2>&1 || missing+=(curl ca-certificates)   # Office files for the readers' tests
{ [[ -n "${REPURPOSE_CHROMIUM:-}" && -x "${REPURPOSE_CHROMIUM}" ]] || command -v chromium >/dev/null 2>&1; } || missing+=(chromium) # browser tests (chromedp)
[[ -f /usr/share/fonts/truetype/noto/NotoSans-Bold.ttf ]] || missing+=(fonts-noto-core) # cards
[[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc ]] || missing+=(fonts-noto-cjk)   # cards: Chinese, Japanese, Korean

if ((${#missing[@]})); then
	sudo=()
	if [[ "$(id -u)" != 0 ]]; then
		if command -v sudo >/dev/null 2>&1; then
			sudo=(sudo)
		else
			sudo=(none)
		fi
	fi
	if ! command -v apt-get >/dev/null 2>&1; then
		say "cannot install ${missing[*]}: no apt-get here; install them yourself (tests that need them skip, or fail under CI)"
	elif [[ "${sudo[*]}" == none ]]; then
		say "cannot install ${missing[*]}: not root and no sudo (tests that need them skip, or fail under CI)"
	else
		say "installing ${missing[*]} (apt-get)"
		export DEBIAN_FRONTEND=noninteractive
		"${sudo[@]}" apt-get update -qq
		"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	fi
else
	say "redis-server, aws, docker-compose, gcc, chromium, the Noto fonts, poppler-utils, pandoc and qpdf already installed"
fi

# --- versitygw ----------------------------------------------------------------------------
if [[ -n "${REPURPOSE_VERSITYGW:-}" && -x "${REPURPOSE_VERSITYGW}" ]]; then
	say "using versitygw at $REPURPOSE_VERSITYGW"
else
	gwbin="$HOME/.cache/repurpose/bin"
	export REPURPOSE_VERSITYGW="$gwbin/versitygw"
	if [[ -x "$REPURPOSE_VERSITYGW" ]]; then
		say "versitygw already built at $REPURPOSE_VERSITYGW"
	else
		say "building versitygw $VERSITYGW_VERSION into $gwbin (once; a few minutes)"
		mkdir -p "$gwbin"
		# Outside the module: its go.mod and any GOFLAGS (-mod=vendor ...) do not apply.
		(cd / && GOFLAGS= GOBIN="$gwbin" go install "github.com/versity/versitygw/cmd/versitygw@$VERSITYGW_VERSION")
	fi
fi

# --- files authored in Word and PowerPoint -----------------------------------------------
# The Word and PowerPoint readers are also tested on files people made in Office, taken from
# the test data of published npm packages (mammoth, BSD-2-Clause; pptx2json, MIT), pinned by
# version and checksum, kept under $HOME/.cache and never in the repository.
export REPURPOSE_OFFICE_FILES="$HOME/.cache/repurpose/office"
fetch_npm() { # name version sha512
	local dir="$REPURPOSE_OFFICE_FILES/$1-$2" tgz
	[[ -d "$dir" ]] && return
	say "fetching $1 $2 from the npm registry (Office files for the readers' tests)"
	mkdir -p "$REPURPOSE_OFFICE_FILES"
	tgz="$(mktemp)"
	curl -fsSL --retry 3 "https://registry.npmjs.org/$1/-/$1-$2.tgz" -o "$tgz" || die "could not fetch $1 $2 from the npm registry"
	printf '%s  %s\n' "$3" "$tgz" | sha512sum -c --quiet - || die "$1 $2 from the npm registry does not match its checksum"
	rm -rf "$dir.tmp" && mkdir -p "$dir.tmp" && tar xzf "$tgz" -C "$dir.tmp" && mv "$dir.tmp" "$dir"
	rm -f "$tgz"
}
fetch_npm mammoth 1.13.0 d9c6b071815c3fb2127d76c170bf65995813356a3cf2fff9d8d0f5827cb01ed553fe95f4fffa6e3e77f488c3d5f59826baf34e13ece42210e067d3367367430e
fetch_npm pptx2json 0.0.10 1f8bc0c407129160c4f606cbbe6c883b60d8d2483bc364eff3c137a036325f0df399deaeca957a3ff9c6fdb3923de1c0f2bc7f327dd7ed9ed6a674d4f977d93e

# --- gotestsum ----------------------------------------------------------------------------
toolbin="$HOME/.cache/repurpose/bin"
gotestsum="$toolbin/gotestsum-$GOTESTSUM_VERSION"
if [[ -x "$gotestsum" ]]; then
	say "gotestsum $GOTESTSUM_VERSION already built at $gotestsum"
else
	say "building gotestsum $GOTESTSUM_VERSION into $toolbin (once)"
	mkdir -p "$toolbin"
	tmpbin="$(mktemp -d)"
	(cd / && GOFLAGS= GOBIN="$tmpbin" go install "gotest.tools/gotestsum@$GOTESTSUM_VERSION")
	mv "$tmpbin/gotestsum" "$gotestsum"
	rmdir "$tmpbin"
fi

# --- deployment files ---------------------------------------------------------------------
if [[ -f deploy/compose.yaml ]]; then
	if command -v docker-compose >/dev/null 2>&1; then
		say "checking deploy/compose.yaml"
		docker-compose -f deploy/compose.yaml config -q
	else
		say "skipping the deploy/compose.yaml check: no docker-compose"
	fi
fi

if $setup_only; then
	say "setup done"
	exit 0
fi

# --- static checks ------------------------------------------------------------------------
say "gofmt"
unformatted="$(find . -name '*.go' -not -path './.git/*' -not -path './vendor/*' -not -path '*/testdata/*' -print0 | xargs -0 -r gofmt -l)"
if [[ -n "$unformatted" ]]; then
	printf '%s\n' "$unformatted" >&2
	die "these files need gofmt -w"
fi

say "go vet ./..."
go vet ./...

# --- tests --------------------------------------------------------------------------------
# Arguments go to go test; without a package among them (./...), the whole module.
args=("$@")
has_pkg=false
for a in "$@"; do
	[[ "$a" == ./* ]] && has_pkg=true
done
# The end-to-end package first: it takes longest and mostly waits, so the others run beside it
# rather than after it.
$has_pkg || args+=(./systemtest ./...)
say "go test -race -count=1 -timeout 20m ${args[*]}"
# The end-to-end package runs about 10 minutes under -race.
"$gotestsum" --format pkgname --format-icons text --format-hide-empty-pkg \
	-- -race -count=1 -timeout 20m "${args[@]}"
if (($# == 0)); then
	# A short run of every fuzz target beyond its committed corpus (scripts/chaos.sh --fuzz
	# runs them longer). A finding fails the run and is saved under testdata/fuzz. The budgets
	# are counts of inputs, not seconds: with -fuzztime in seconds Go 1.26's coordinator can
	# fail a target that found nothing when the deadline meets a worker mid-input
	# (golang/go#75804, "context deadline exceeded"). Minimising a new interesting input is
	# bounded the same way: the default minute would outlast the run.
	say "fuzzing each target (10,000 inputs each; fewer where one input is a whole document or image)"
	for target in derive:FuzzParseDerive:5000 channel:FuzzCountX channel:FuzzFindURLs channel:FuzzDomainRuns:2000 channel:FuzzCountMastodon \
		channel:FuzzCountThreads channel:FuzzBluesky parse:FuzzFit worker:FuzzDecodeEvents cards:FuzzFit:2000 \
		inputs/pdf:FuzzLayout inputs/docx:FuzzDocx inputs/pptx:FuzzPptx inputs/transcript:FuzzTranscript; do
		IFS=: read -r pkg name count <<<"$target"
		count=${count:-10000}
		out=$(go test "./$pkg" -run '^$' -fuzz "^$name\$" -fuzztime "${count}x" -fuzzminimizetime 100x 2>&1) || { printf '%s\n' "$out"; exit 1; }
		printf '  %-20s %s\n' "$name" "$(printf '%s\n' "$out" | tail -1)"
	done
fi
