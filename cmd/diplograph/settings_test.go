package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// clearSettings unsets every environment variable a command reads, so that
// the machine's own settings do not leak into a test.
func clearSettings(t *testing.T) {
	t.Helper()
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		for _, p := range []string{"NATS_", "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "NEO4J_CA", "DIPLOGRAPH_", "FETCHER_", "EXTRACT_", "HEALTH_ADDR", "LOG_LEVEL", "DLQ_", "LINK_"} {
			if strings.HasPrefix(k, p) {
				t.Setenv(k, "") // restored when the test ends
				os.Unsetenv(k)
			}
		}
	}
}

// flagLine matches a flag in the output of --help ("  -name value").
var flagLine = regexp.MustCompile(`(?m)^  -([a-z0-9-]+)`)

// TestEveryFlagOfTheSettingCommandsHasAnEnvironmentVariable reads the
// --help of the commands that run the pipeline or reach its store: every
// flag names its environment variable.
func TestEveryFlagOfTheSettingCommandsHasAnEnvironmentVariable(t *testing.T) {
	clearSettings(t)
	for _, cmd := range [][]string{{"run"}, {"ingest"}, {"dlq", "list"}, {"dlq", "show"}, {"dlq", "replay"}} {
		t.Run(strings.Join(cmd, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			_ = dispatch(context.Background(), append(cmd, "--help"), &out, &errb)
			help := out.String() + errb.String()
			flags := flagLine.FindAllStringSubmatchIndex(help, -1)
			if len(flags) < 3 {
				t.Fatalf("no flags found in:\n%s", help)
			}
			for i, m := range flags {
				end := len(help)
				if i+1 < len(flags) {
					end = flags[i+1][0]
				}
				if !strings.Contains(help[m[0]:end], "(env ") {
					t.Errorf("--%s has no environment variable: %q", help[m[2]:m[3]], strings.TrimSpace(help[m[0]:end]))
				}
			}
		})
	}
}

// TestABadSettingStopsStartUpNamingIt gives each command one bad setting
// by environment variable: the command must stop before it starts anything
// (no store is created) with one line that names the variable.
func TestABadSettingStopsStartUpNamingIt(t *testing.T) {
	tests := []struct {
		name string
		cmd  []string
		env  string
		val  string
	}{
		{"replicas that are no number", []string{"ingest", "x.txt"}, "NATS_REPLICAS", "three"},
		{"replicas out of range", []string{"ingest", "x.txt"}, "NATS_REPLICAS", "0"},
		{"replicas for dlq", []string{"dlq", "list"}, "NATS_REPLICAS", "three"},
		{"an unknown log level", []string{"ingest", "x.txt"}, "LOG_LEVEL", "verbose"},
		{"an unknown log level for run", []string{"run", "--once", "x.txt"}, "LOG_LEVEL", "chatty"},
		{"a lexicon folder that is not there", []string{"extract", "x.txt"}, "DIPLOGRAPH_LEXICON", "no-such-lexicon-folder"},
		{"a rules folder that is not there", []string{"run", "--once", "x.txt"}, "DIPLOGRAPH_RULES", "no-such-rules-folder"},
		{"workers that are no number", []string{"ingest", "x.txt"}, "FETCHER_WORKERS", "many"},
		{"no workers", []string{"ingest", "x.txt"}, "FETCHER_WORKERS", "0"},
		{"extract workers that are no number", []string{"run", "--once", "x.txt"}, "EXTRACT_WORKERS", "lots"},
		{"a timeout that is no duration", []string{"run", "--once", "x.txt"}, "DIPLOGRAPH_TIMEOUT", "soon"},
		{"once that is no boolean", []string{"run", "x.txt"}, "DIPLOGRAPH_ONCE", "sometimes"},
		{"allow-private that is no boolean", []string{"ingest", "x.txt"}, "FETCHER_ALLOW_PRIVATE", "yes please"},
		{"an allow-list entry that is neither address nor host", []string{"ingest", "x.txt"}, "FETCHER_ALLOW", "10.0.0.0/99"},
		{"a health address without a port", []string{"run", "x.txt"}, "HEALTH_ADDR", "localhost"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clearSettings(t)
			dir := t.TempDir()
			data := filepath.Join(dir, "store")
			t.Setenv("DIPLOGRAPH_DATA", data)
			t.Setenv("NEO4J_URI", "bolt://127.0.0.1:1") // never anyone's Neo4j, should start-up go on
			t.Setenv(tc.env, tc.val)
			t.Chdir(dir)
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			var out, errb bytes.Buffer
			err := dispatch(ctx, tc.cmd, &out, &errb)
			if err == nil {
				t.Fatalf("%s=%q was accepted", tc.env, tc.val)
			}
			if !strings.Contains(err.Error(), tc.env) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q: want one line naming %s", err, tc.env)
			}
			if _, serr := os.Stat(data); serr == nil {
				t.Errorf("the store %s was created: start-up went on", data)
			}
		})
	}
}
