package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// writeStatements writes n short statements, written for this test, all
// dated one day picked at random in the 1990s so that their claims meet no
// other test's, and returns the folder and their URLs' common prefix.
func writeStatements(t *testing.T, n int) (dir, prefix string) {
	t.Helper()
	dir = t.TempDir()
	tag := nonce(t)
	prefix = "https://example.org/reprocess/" + tag + "/"
	day := time.Date(1990, 1, 1, 9, 0, 0, 0, time.UTC).AddDate(0, 0, rand.IntN(3650))
	sentences := []string{
		"Japan strongly opposes the use of economic coercion against its partners.",
		"France condemns North Korea's missile launches.",
		"Germany supports the sovereignty and territorial integrity of Ukraine.",
		"Canada welcomed the ceasefire in the Gaza Strip.",
	}
	for i := range n {
		body := fmt.Sprintf("<!--%d-->\n[Statement %d](%s%d)\n------\n\n<p>%s</p><p>Reference %s-%d.</p>\n",
			day.UnixMilli(), i, prefix, i, sentences[i%len(sentences)], tag, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%02d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, prefix
}

// cancelOn is a writer that cancels a context once it has seen a phrase.
type cancelOn struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	phrase string
	cancel func()
}

func (w *cancelOn) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if strings.Contains(w.buf.String(), w.phrase) {
		w.cancel()
	}
	return len(p), nil
}

func reprocessCmd(ctx context.Context, stderr io.Writer, args ...string) (string, error) {
	var out bytes.Buffer
	if stderr == nil {
		stderr = io.Discard
	}
	err := dispatch(ctx, append([]string{"reprocess", "--log-level", "warn"}, args...), &out, stderr)
	return out.String(), err
}

func TestAReprocessOfUnchangedRulesChangesNothingAndResumesAfterAnInterruption(t *testing.T) {
	cfg := neo4jConfig(t)
	dir, prefix := writeStatements(t, 12)
	data := filepath.Join(t.TempDir(), "data")
	if _, stderr, err := runOnce(t, append(neo4jArgs(cfg), "--data", data, "--linger", "0", dir)...); err != nil {
		t.Fatalf("run --once: %v\n%s", err, stderr)
	}
	graph := func() string {
		var all []string
		for i := range 12 {
			_, lines := graphOf(t, cfg, fmt.Sprintf("%s%d", prefix, i))
			all = append(all, lines...)
		}
		return strings.Join(all, "\n")
	}
	before := graph()
	if !strings.Contains(before, "oppose") {
		t.Fatalf("the statements reached the graph without their claims:\n%s", before)
	}
	ctx := context.Background()
	args := append(neo4jArgs(cfg), "--data", data, "--all")

	// The dry run reads every article again and finds nothing to change.
	out, err := reprocessCmd(ctx, nil, append(args, "--dry-run")...)
	if err != nil {
		t.Fatalf("reprocess --dry-run: %v\n%s", err, out)
	}
	for _, want := range []string{"12 articles", "nothing written", "claims: 0 new to the graph, 0 retracted"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run says no %q:\n%s", want, out)
		}
	}
	if !regexpTotal(out, 0, 12, 0) {
		t.Errorf("dry run: want 12 reports kept, none added or retracted:\n%s", out)
	}

	// A request interrupted once its items are out…
	ictx, cancel := context.WithCancel(ctx)
	w := &cancelOn{phrase: "articles extracted", cancel: cancel}
	var errb bytes.Buffer
	err = dispatch(ictx, append([]string{"reprocess", "--log-level", "warn"}, args...), &bytes.Buffer{}, w)
	cancel()
	if err == nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted reprocess: %v, want the interruption\n%s", err, w.buf.String())
	}
	// …is resumed by the same command, and changes nothing.
	out, err = reprocessCmd(ctx, &errb, args...)
	if err != nil {
		t.Fatalf("resumed reprocess: %v\n%s\n%s", err, out, errb.String())
	}
	if !strings.Contains(errb.String(), "resuming") {
		t.Errorf("the second command did not resume the interrupted request:\n%s", errb.String())
	}
	if !strings.Contains(out, "claims: 0 new to the graph, 0 retracted") || !regexpTotal(out, 0, 12, 0) {
		t.Errorf("summary of a reprocess with the same rules:\n%s", out)
	}
	if after := graph(); after != before {
		t.Errorf("a reprocess with the same rules changed the graph:\n--- before\n%s\n--- after\n%s", before, after)
	}
	// The request is done: the next command files a new one.
	errb.Reset()
	if _, err := reprocessCmd(ctx, &errb, args...); err != nil || strings.Contains(errb.String(), "resuming") {
		t.Errorf("a reprocess after a finished one: %v, resuming: %v\n%s", err, strings.Contains(errb.String(), "resuming"), errb.String())
	}
}

// regexpTotal reports whether a summary's total line counts add, keep and
// retract reports.
func regexpTotal(out string, add, keep, retract int) bool {
	for _, l := range strings.Split(out, "\n") {
		f := strings.Fields(l)
		if len(f) == 4 && f[0] == "total" {
			return f[1] == fmt.Sprint(add) && f[2] == fmt.Sprint(keep) && f[3] == fmt.Sprint(retract)
		}
	}
	return false
}

func TestReprocessNamesABadSelection(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no selection", nil, "choose the articles"},
		{"--all and a source", []string{"--all", "--source", "rfi"}, "--all selects every article"},
		{"a date that is not one", []string{"--since", "last week"}, `--since "last week"`},
		{"a range that ends before it starts", []string{"--since", "2024-03-02", "--until", "2024-03-01"}, "is after --until"},
		{"an argument", []string{"--all", "rfi"}, "unexpected argument"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := dispatch(context.Background(), append([]string{"reprocess"}, tc.args...), &out, &errb)
			if err == nil || !strings.Contains(err.Error()+errb.String(), tc.want) {
				t.Fatalf("err = %v, stderr %q; want one naming %q", err, errb.String(), tc.want)
			}
		})
	}
}
