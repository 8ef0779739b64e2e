#!/usr/bin/env bash
# scripts/bench-redirect.sh — /r/{code} beside two baselines, on this machine, in one run:
# nginx answering `return 302` and a bare net/http handler that only redirects. wrk
# measures requests per second (as fast as it can); vegeta measures latency at a fixed
# 2,000 requests per second (wrk cannot hold a rate); then serve is restarted gracefully
# in the middle of a stream of clicks, and every 302 it answered must be counted.
#
#   scripts/bench-redirect.sh            # needs redis-server, wrk, nginx (apt-get install wrk nginx-light)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for tool in redis-server redis-cli wrk nginx; do
	command -v "$tool" >/dev/null || { echo "bench-redirect.sh: $tool is missing (apt-get install redis-server wrk nginx-light)" >&2; exit 1; }
done
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
say() { printf '\n==> %s\n' "$*"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

go build -o "$work/repurpose" ./cmd/repurpose
go build -o "$work/redirectbench" ./scripts/redirectbench
rp=$(free_port); sp=$(free_port); np=$(free_port); bp=$(free_port)
target='https://example.com/papers/quiet-pagers?utm_campaign=launch&utm_content=tweet-1&utm_medium=social&utm_source=x#why'
code=benchcode1

redis-server --port "$rp" --save '' --appendonly no --logfile "$work/redis.log" &
pids+=($!)
until redis-cli -p "$rp" ping >/dev/null 2>&1; do sleep 0.1; done
# The link a planned post would register (derivative, channel, region -> code).
redis-cli -p "$rp" HSET repurpose:link "$code" \
	"{\"code\":\"$code\",\"target\":\"$target\",\"derivative_id\":\"d1\",\"source_id\":\"s1\",\"kind\":\"tweet\",\"channel\":\"x\",\"region\":\"emea\",\"locale\":\"en\"}" >/dev/null

printf 'tracking:\n  short_url: http://127.0.0.1:%s\n' "$sp" >"$work/repurpose.yaml"
start_serve() {
	REPURPOSE_REDIS_URL="redis://127.0.0.1:$rp/0" REPURPOSE_HTTP_ADDR="127.0.0.1:$sp" REPURPOSE_S3_ENDPOINT=http://127.0.0.1:9 \
		REPURPOSE_EVENTS_TOKEN="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" REPURPOSE_CONFIG="$work/repurpose.yaml" REPURPOSE_LOG_LEVEL=warn "$work/repurpose" serve 2>>"$work/serve.log" &
	serve=$!
	pids+=($serve)
	until curl -s -o /dev/null "http://127.0.0.1:$sp/healthz"; do sleep 0.05; done
}
start_serve

cat >"$work/nginx.conf" <<CONF
worker_processes 1;
error_log $work/nginx-error.log;
pid $work/nginx.pid;
events { worker_connections 1024; }
http {
	access_log off;
	server { listen 127.0.0.1:$np; location /r/ { return 302 '$target'; } }
}
CONF
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
"$work/redirectbench" bare -addr "127.0.0.1:$bp" -to "$target" &
pids+=($!)
until curl -s -o /dev/null "http://127.0.0.1:$np/r/x" && curl -s -o /dev/null "http://127.0.0.1:$bp/r/x"; do sleep 0.05; done

counted() { redis-cli -p "$rp" HGET "repurpose:ct:d:$(date -u +%Y%m%d)" "c:$code"; }

say "requests per second (wrk -t2 -c64 -d10s, three rounds, alternating)"
declare -A rps
for round in 1 2 3; do
	for name in nginx bare repurpose; do
		case $name in nginx) url="http://127.0.0.1:$np/r/$code" ;; bare) url="http://127.0.0.1:$bp/r/$code" ;; repurpose) url="http://127.0.0.1:$sp/r/$code" ;; esac
		r=$(wrk -t2 -c64 -d10s -H 'User-Agent: Mozilla/5.0 (bench)' "$url" | awk '/Requests\/sec/ {print $2}')
		rps[$name]="${rps[$name]:-} $r"
		printf '  round %d  %-10s %10s req/s\n' "$round" "$name" "$r"
	done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
n=$(echo "${rps[nginx]}" | median); b=$(echo "${rps[bare]}" | median); s=$(echo "${rps[repurpose]}" | median)
printf '\n  medians: nginx %s, bare handler %s, repurpose %s req/s\n' "$n" "$b" "$s"
awk -v n="$n" -v b="$b" -v s="$s" 'BEGIN { printf "  repurpose = %.0f%% of nginx (target >= 40%%), %.0f%% of the bare handler (target >= 80%%)\n", 100*s/n, 100*s/b }'

say "latency at a fixed 2,000 requests per second for 15 s (vegeta)"
for name in bare repurpose; do
	case $name in bare) url="http://127.0.0.1:$bp/r/$code" ;; repurpose) url="http://127.0.0.1:$sp/r/$code" ;; esac
	printf '  %-10s %s\n' "$name" "$("$work/redirectbench" attack -url "$url" -rate 2000 -duration 15s)"
done

say "no click lost across a graceful restart (500 clicks per second for 8 s, SIGTERM and restart after 3 s)"
sleep 1 # the last batch of the run above reaches Redis first
before=$(counted)
"$work/redirectbench" attack -url "http://127.0.0.1:$sp/r/$code" -rate 500 -duration 8s >"$work/attack.json" &
attack=$!
sleep 3
kill -TERM "$serve"
wait "$serve" || true
start_serve
wait "$attack"
sleep 1
after=$(counted)
answered=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status_codes"].get("302",0))' "$work/attack.json")
printf '  302s answered %s, clicks counted %s (%s before the run)\n' "$answered" "$((after - before))" "$before"
if [[ "$answered" == "$((after - before))" ]]; then echo "  no click lost, none counted twice"; else echo "  MISMATCH: $answered answered, $((after - before)) counted"; exit 1; fi
