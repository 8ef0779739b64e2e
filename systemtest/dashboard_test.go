package systemtest

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestGrafanaDashboardQueriesMetricsWeExport keeps deploy/grafana/repurpose.json honest:
// every metric a panel queries is one the code defines.
func TestGrafanaDashboardQueriesMetricsWeExport(t *testing.T) {
	raw, err := os.ReadFile("../deploy/grafana/repurpose.json")
	if err != nil {
		t.Fatal(err)
	}
	var dash struct {
		Panels []struct {
			Title   string
			Targets []struct{ Expr string }
		}
	}
	if err := json.Unmarshal(raw, &dash); err != nil || len(dash.Panels) == 0 {
		t.Fatalf("the dashboard is not JSON with panels: %v", err)
	}
	defined := map[string]bool{}
	name := regexp.MustCompile(`"(repurpose_[a-z0-9_]+)"`)
	filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			src, _ := os.ReadFile(path)
			for _, m := range name.FindAllStringSubmatch(string(src), -1) {
				defined[m[1]] = true
			}
		}
		return nil
	})
	used := regexp.MustCompile(`repurpose_[a-z0-9_]+`)
	for _, p := range dash.Panels {
		if len(p.Targets) == 0 {
			t.Errorf("panel %q has no query", p.Title)
		}
		for _, tg := range p.Targets {
			for _, m := range used.FindAllString(tg.Expr, -1) {
				base := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(m, "_bucket"), "_count"), "_sum")
				if !defined[base] {
					t.Errorf("panel %q queries %s, which no code defines", p.Title, m)
				}
			}
		}
	}
}
