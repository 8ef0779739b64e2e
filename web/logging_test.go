package web

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestToolkitLogsToTheProcessLogger: with Redis gone, the API answers 503 and the
// toolkit's error line goes to the logger it was built with (the one that honours
// REPURPOSE_LOG_LEVEL and the process's format), not to the default logger.
func TestToolkitLogsToTheProcessLogger(t *testing.T) {
	var out bytes.Buffer
	tk, mr := newTestToolkitLogging(t, slog.New(slog.NewJSONHandler(&out, nil)))
	tk.cfg.Infra.AdminToken = "admin-secret"
	mr.Close()
	req := httptest.NewRequest("GET", "/api/v1/sources", nil)
	req.Header.Set("Authorization", "Bearer admin-secret")
	rec := httptest.NewRecorder()
	tk.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("HTTP %d, want 503: %s", rec.Code, rec.Body)
	}
	if line := out.String(); !strings.Contains(line, `"level":"ERROR","msg":"toolkit","path":"/api/v1/sources"`) {
		t.Errorf("the process logger got %q, want the toolkit's error line", line)
	}
}
