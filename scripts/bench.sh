#!/usr/bin/env bash
# scripts/bench.sh — the figures in docs/benchmarks.md, measured on this machine.
#
#   scripts/bench.sh            # everything (a few minutes)
#   scripts/bench.sh derive     # parse+derive beside goldmark.Convert only
#   scripts/bench.sh derive-cpu # the same as CPU time (perf stat), steady on a busy machine
#   scripts/bench.sh e2e        # the pipeline on redis-server and versitygw only
#   scripts/bench.sh plan       # planning 1,000 sources × 5 regions × 4 channels only
#   scripts/bench.sh pdf        # reading the corpus PDFs beside pdftotext, and a 10 MiB PDF's peak RSS
#
# Needs what scripts/test.sh installs (run it once first) and ../shared/corpus.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export REPURPOSE_VERSITYGW="${REPURPOSE_VERSITYGW:-$HOME/.cache/repurpose/bin/versitygw}"
what="${1:-all}"
say() { printf '\n==> %s\n' "$*"; }

if [[ "$what" == all || "$what" == derive ]]; then
	say "parse+derive beside goldmark.Convert of the same bytes (5 rounds, medians)"
	raw="$(mktemp)"
	trap 'rm -f "$raw"' EXIT
	go test ./derive -run '^$' -bench 'ParseDerive|GoldmarkConvert|CountX' -benchtime 30x -count 5 | tee "$raw"
	awk '
		/^Benchmark(ParseDerive|GoldmarkConvert)\// {
			split($1, p, "/"); kind = p[1]; doc = p[2]; sub(/-[0-9]+$/, "", doc)
			n[kind, doc]++; v[kind, doc, n[kind, doc]] = $3; docs[doc] = 1
		}
		function median(kind, doc,   i, j, t, m, a) {
			m = n[kind, doc]; for (i = 1; i <= m; i++) a[i] = v[kind, doc, i]
			for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
			return a[int((m + 1) / 2)]
		}
		END {
			printf "\n%-45s %14s %14s %8s\n", "document", "derive ns/op", "goldmark ns/op", "ratio"
			for (d in docs) {
				x = median("BenchmarkParseDerive", d); g = median("BenchmarkGoldmarkConvert", d)
				printf "%-45s %14d %14d %7.1fx\n", d, x, g, x / g; sx += x; sg += g
			}
			printf "%-45s %14d %14d %7.1fx\n", "all six (per byte)", sx, sg, sx / sg
		}' "$raw"
fi

if [[ "$what" == derive-cpu ]]; then
	say "parse+derive beside goldmark.Convert as CPU time: 20 iterations over every corpus document, twice each"
	bin="$(mktemp)"
	trap 'rm -f "$bin"' EXIT
	go test -c -o "$bin" ./derive
	for b in ParseDerive GoldmarkConvert ParseDerive GoldmarkConvert; do
		(cd derive && perf stat -e task-clock "$bin" -test.run '^$' -test.bench "^Benchmark$b\$" -test.benchtime 20x 2>&1) |
			awk -v b="$b" '/task-clock/ { printf "%-16s %10s ms of CPU\n", b, $1 }'
	done
fi

if [[ "$what" == all || "$what" == pdf ]]; then
	say "PDF pages per second: inputs/pdf (structure) beside pdftotext (plain text), 5 reads each"
	go test ./inputs/pdf -run '^$' -bench 'CorpusPDF' -benchtime 5x | grep -E '^Benchmark'
	say "peak RSS reading a 10 MiB, 500-page PDF (this Go process and the largest poppler process)"
	go test ./inputs/pdf -run '^$' -bench 'TenMiBPDFPeakRSS' -benchtime 2x | grep -E '^Benchmark'
fi

if [[ "$what" == all || "$what" == e2e ]]; then
	say "500 documents dropped at once into versitygw (webhook -> serve -> redis-server -> worker)"
	go test ./systemtest -run '^$' -bench DropToReady -benchtime 500x 2>/dev/null | grep -E '^Benchmark'
	say "500 documents dropped at 20 per second"
	REPURPOSE_BENCH_RATE=20 go test ./systemtest -run '^$' -bench DropToReady -benchtime 500x 2>/dev/null | grep -E '^Benchmark'
	say "peak RSS of a worker process on a 10 MiB document"
	go test ./systemtest -run '^$' -bench WorkerPeakRSS -benchtime 1x 2>/dev/null | grep -E '^Benchmark'
fi

if [[ "$what" == all || "$what" == plan ]]; then
	say "planning 1,000 sources × 5 regions × 4 channels into shared capacity, and re-planning one of them (5 rounds)"
	go test ./scheduler -run '^$' -bench 'Plan1000Sources|ReplanOneSource' -benchtime 3x -count 5 | grep -E '^Benchmark'
fi
