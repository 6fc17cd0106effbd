package telemetry_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/diplograph/diplograph/platform/telemetry"
)

func TestReadyzFollowsItsChecks(t *testing.T) {
	m := telemetry.NewMetrics()
	h := telemetry.NewHealth(m)
	var down atomic.Bool
	h.AddCheck("neo4j", func(context.Context) error {
		if down.Load() {
			return errors.New("unreachable")
		}
		return nil
	})
	srv := httptest.NewServer(h.Handler())
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, _ := get("/readyz"); code != 200 {
		t.Fatalf("readyz = %d while ready", code)
	}
	down.Store(true)
	if code, body := get("/readyz"); code != 503 || !strings.Contains(body, "neo4j: unreachable") {
		t.Fatalf("readyz = %d %q while neo4j is down", code, body)
	}
	if code, _ := get("/livez"); code != 200 {
		t.Fatalf("livez = %d", code)
	}
	telemetry.StageObserver{M: m, Stage: "linker"}.Observe("dead_letter", "malformed", 0)
	telemetry.StageObserver{M: m, Stage: "linker"}.ObserveBacklog(42, 3)
	if code, body := get("/metrics"); code != 200 || !strings.Contains(body, `diplograph_errors_total{reason="malformed",stage="linker"} 1`) {
		t.Fatalf("metrics = %d, missing the error counter:\n%s", code, body)
	}
	if _, body := get("/metrics"); !strings.Contains(body, `diplograph_consumer_pending{stage="linker"} 42`) || !strings.Contains(body, "diplograph_dlq_messages 3") {
		t.Fatalf("metrics miss the backlog gauges:\n%s", body)
	}
}
