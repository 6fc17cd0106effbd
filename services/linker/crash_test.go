package linker_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
	"github.com/diplograph/diplograph/services/linker/neo4jtest"
)

// Environment of the child process that TestMain runs instead of the tests.
const (
	envCrashAt  = "LINKER_TEST_CRASH_AT"  // hook point to hang at: written, committed
	envCrashNth = "LINKER_TEST_CRASH_NTH" // which time the point is reached
	envMarker   = "LINKER_TEST_MARKER"    // file created when hanging
	envNATS     = "LINKER_TEST_NATS_URL"
	envScope    = "LINKER_TEST_SCOPE" // run token and country code of the scope
)

func TestMain(m *testing.M) {
	if point := os.Getenv(envCrashAt); point != "" {
		if err := crashChild(point); err != nil {
			fmt.Fprintln(os.Stderr, "crash child:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// crashChild runs the linker until the hook point is reached for the nth
// time, then announces it and hangs there until the parent kills it.
func crashChild(point string) error {
	ctx := context.Background()
	nth, _ := strconv.Atoi(os.Getenv(envCrashNth))
	_, js, err := natsx.Connect(ctx, natsx.Config{URL: os.Getenv(envNATS)}, quiet())
	if err != nil {
		return err
	}
	cfg := neo4jtest.FromEnv()
	var sc scope
	_, _ = fmt.Sscan(os.Getenv(envScope), &sc.run, &sc.cn)
	g, err := linker.OpenGraph(ctx, linker.Neo4jConfig{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database}, quiet(),
		linker.WithGazetteer(roster{sc}))
	if err != nil {
		return err
	}
	seen := 0
	linker.SetTestHook(g, func(p string) {
		if p != point {
			return
		}
		if seen++; seen == nth {
			_ = os.WriteFile(os.Getenv(envMarker), []byte(p), 0o644)
			time.Sleep(10 * time.Minute)
		}
	})
	return (&linker.Service{Graph: g, JS: js, Log: quiet(), Batch: 2}).Run(ctx)
}

// shortAckWait makes messages held by a killed linker come back in a second
// instead of a minute.
func shortAckWait(t *testing.T, js jetstream.JetStream) {
	t.Helper()
	cc := (natsx.Topology{}).Consumers()[schemas.StreamExtractions+"/"+natsx.ConsumerLinker]
	cc.AckWait = time.Second
	if _, err := js.CreateOrUpdateConsumer(context.Background(), schemas.StreamExtractions, cc); err != nil {
		t.Fatal(err)
	}
}

// claimEvents returns, per subject and claim, the highest corroboration
// published on CLAIMS.
func claimEvents(t *testing.T, js jetstream.JetStream) map[string]int {
	t.Helper()
	ctx := context.Background()
	c, err := js.OrderedConsumer(ctx, schemas.StreamClaims, jetstream.OrderedConsumerConfig{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, e := range fetchEvents(t, c, 10000) {
		k := e.subject + " " + e.ID
		out[k] = max(out[k], e.Corroboration)
	}
	return out
}

// subjectEvent is a claim event and the subject it was published on.
type subjectEvent struct {
	subject string
	schemas.ClaimEvent
}

// fetchEvents takes up to n claim events waiting on c.
func fetchEvents(t *testing.T, c jetstream.Consumer, n int) []subjectEvent {
	t.Helper()
	batch, err := c.FetchNoWait(n)
	if err != nil {
		t.Fatal(err)
	}
	var out []subjectEvent
	for m := range batch.Messages() {
		var e schemas.ClaimEvent
		if err := json.Unmarshal(m.Data(), &e); err != nil {
			t.Fatal(err)
		}
		out = append(out, subjectEvent{m.Subject(), e})
	}
	return out
}

func TestALinkerKilledMidBatchLeavesTheGraphOfACleanRun(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	sc := newScope()
	g := openGraph(t, sc, linker.WithGazetteer(roster{sc}))
	ctx := context.Background()
	xs := sc.cookbook()

	// The clean run.
	b := startBus(t)
	publishExtractions(t, b.js, xs)
	stop := startService(t, &linker.Service{Graph: g, JS: b.js, Log: quiet(), Batch: 2})
	eventually(t, 30*time.Second, "clean run drained", func() bool { return drained(t, b.js) })
	stop()
	want, wantEvents := dump(t, g, sc), claimEvents(t, b.js)
	if !strings.Contains(want, "EVIDENCED_BY") || len(wantEvents) < 10 {
		t.Fatalf("clean run wrote too little: %d events, graph:\n%s", len(wantEvents), want)
	}
	if err := cleanup(ctx, g, sc); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		point string
		nth   int
	}{
		{"written", 2},   // the second batch's transaction is open: it must roll back
		{"committed", 2}, // the second batch is committed but neither published nor acked
	} {
		t.Run("killed when "+tc.point, func(t *testing.T) {
			t.Cleanup(func() { _ = cleanup(ctx, g, sc) })
			b := startBus(t)
			shortAckWait(t, b.js)
			publishExtractions(t, b.js, xs)
			marker := filepath.Join(t.TempDir(), "hanging")
			child := exec.Command(os.Args[0], "-test.run=^$")
			child.Env = append(os.Environ(), envCrashAt+"="+tc.point, envCrashNth+"="+strconv.Itoa(tc.nth),
				envMarker+"="+marker, envNATS+"="+b.srv.ClientURL(), envScope+"="+sc.run+" "+sc.cn)
			child.Stderr = os.Stderr
			if err := child.Start(); err != nil {
				t.Fatal(err)
			}
			eventually(t, 30*time.Second, "child reached "+tc.point, func() bool { _, err := os.Stat(marker); return err == nil })
			_ = child.Process.Kill() // SIGKILL: no deferred cleanup, no graceful drain
			_ = child.Wait()
			row := queryOne(t, g, `MATCH (a:Article) WHERE a.id STARTS WITH $run RETURN count(a)`, map[string]any{"run": sc.run})
			if n := row[0].(int64); n == 0 || n >= int64(len(xs)) {
				t.Fatalf("after the kill the graph holds %d of %d articles: want the batches before the kill only", n, len(xs))
			}

			stop := startService(t, &linker.Service{Graph: g, JS: b.js, Log: quiet(), Batch: 2})
			eventually(t, 30*time.Second, "restarted linker drained", func() bool { return drained(t, b.js) })
			stop()
			if got := dump(t, g, sc); got != want {
				t.Errorf("graph after kill and restart differs from a clean run:\n--- clean\n%s\n--- killed\n%s", want, got)
			}
			got := claimEvents(t, b.js)
			var missing []string
			for k, n := range wantEvents {
				if got[k] != n {
					missing = append(missing, fmt.Sprintf("%s: corroboration %d, want %d", k, got[k], n))
				}
			}
			sort.Strings(missing)
			if len(missing) > 0 || len(got) != len(wantEvents) {
				t.Errorf("claim events after kill and restart: %d kinds, want %d; differences: %v", len(got), len(wantEvents), missing)
			}
		})
	}
}
