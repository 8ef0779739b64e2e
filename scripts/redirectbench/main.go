// Command redirectbench is the Go half of scripts/bench-redirect.sh: a bare net/http
// handler that only redirects (the baseline), and a fixed-rate attacker (vegeta, which
// holds a rate where wrk cannot) that prints latency percentiles as one JSON line.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: redirectbench bare -addr ADDR -to URL | attack -url URL -rate N -duration D")
		os.Exit(2)
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	switch os.Args[1] {
	case "bare":
		addr := fs.String("addr", "127.0.0.1:8091", "listen address")
		to := fs.String("to", "https://example.com/", "where every request is redirected")
		fs.Parse(os.Args[2:])
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, *to, http.StatusFound) })
		if err := http.ListenAndServe(*addr, h); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	case "attack":
		url := fs.String("url", "", "the URL to request")
		rate := fs.Int("rate", 2000, "requests per second")
		duration := fs.Duration("duration", 15*time.Second, "how long")
		fs.Parse(os.Args[2:])
		attacker := vegeta.NewAttacker(vegeta.Redirects(vegeta.NoFollow), vegeta.KeepAlive(true), vegeta.Connections(256))
		targeter := vegeta.NewStaticTargeter(vegeta.Target{Method: "GET", URL: *url, Header: http.Header{"User-Agent": {"Mozilla/5.0 (bench)"}}})
		var m vegeta.Metrics
		for res := range attacker.Attack(targeter, vegeta.Rate{Freq: *rate, Per: time.Second}, *duration, "redirect") {
			m.Add(res)
		}
		m.Close()
		json.NewEncoder(os.Stdout).Encode(map[string]any{
			"requests": m.Requests, "rate": m.Rate, "success": m.Success, "status_codes": m.StatusCodes,
			"p50_ms": ms(m.Latencies.P50), "p90_ms": ms(m.Latencies.P90), "p99_ms": ms(m.Latencies.P99), "max_ms": ms(m.Latencies.Max),
			"errors": len(m.Errors),
		})
	default:
		fmt.Fprintf(os.Stderr, "unknown command %q\n", os.Args[1])
		os.Exit(2)
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
