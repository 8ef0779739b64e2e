#!/usr/bin/env bash
# scripts/bench.sh — the figures in docs/benchmarks.md, measured on this machine.
#
#   scripts/bench.sh            # everything (a few minutes)
#   scripts/bench.sh derive     # parse+derive beside goldmark.Convert only, per document and as
#                                 the target's ratio (BenchmarkDeriveOverGoldmark)
#   scripts/bench.sh derive-cpu # the same as CPU time (perf stat), steady on a busy machine;
#                                 also less a 1-iteration run (the once-per-process costs)
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
			printf "%-45s %14d %14d %7.1fx\n", "all (per byte)", sx, sg, sx / sg
		}' "$raw"
	say "the target's ratio, both timed in turn in each pass (steadier than the table on a busy machine; 5 runs)"
	go test ./derive -run '^$' -bench '^BenchmarkDeriveOverGoldmark$' -benchtime 20x -count 5 | tee "$raw"
	awk '/^BenchmarkDeriveOverGoldmark/ { print $5 }' "$raw" | sort -n |
		awk '{ r[NR] = $1 } END { printf "median: %.2fx goldmark\n", r[int((NR + 1) / 2)] }'
fi

if [[ "$what" == derive-cpu ]]; then
	say "parse+derive beside goldmark.Convert as CPU time: 20 iterations over every corpus document, twice each"
	bin="$(mktemp)"
	trap 'rm -f "$bin"' EXIT
	go test -c -o "$bin" ./derive
	# A run of 1 iteration holds what a process pays once (start-up, the Japanese and
	# Chinese dictionaries): 20 iterations less 1 is the per-document cost.
	for round in 1 2; do
		for b in ParseDerive GoldmarkConvert; do
			for n in 20 1; do
				(cd derive && perf stat -x, -e task-clock "$bin" -test.run '^$' -test.bench "^Benchmark$b\$" -test.benchtime ${n}x 2>&1 >/dev/null) |
					awk -F, -v b="$b" -v n="$n" '/task-clock/ { printf "%-16s %2dx %10.0f ms of CPU\n", b, n, $1 }'
			done
		done
	done | tee /dev/stderr | awk '
		{ ms[$1, $2] += $3 }
		END {
			d = ms["ParseDerive", "20x"] - ms["ParseDerive", "1x"]; g = ms["GoldmarkConvert", "20x"] - ms["GoldmarkConvert", "1x"]
			printf "\nwhole runs: %.1fx; per document (20 iterations less 1): %.1fx\n", ms["ParseDerive", "20x"] / ms["GoldmarkConvert", "20x"], d / g
		}'
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
