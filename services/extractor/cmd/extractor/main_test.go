package main

import (
	"strings"
	"testing"
)

func TestParseNamesTheBadSetting(t *testing.T) {
	tests := []struct {
		name, key, val string
	}{
		{"replicas that are no number", "NATS_REPLICAS", "three"},
		{"replicas JetStream cannot keep", "NATS_REPLICAS", "6"},
		{"an unknown log level", "LOG_LEVEL", "verbose"},
		{"workers that are no number", "EXTRACT_WORKERS", "many"},
		{"no workers", "EXTRACT_WORKERS", "0"},
		{"a lexicon folder that is not there", "DIPLOGRAPH_LEXICON", "no-such-lexicon-folder"},
		{"a rules folder that is not there", "DIPLOGRAPH_RULES", "no-such-rules-folder"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			t.Setenv(tc.key, tc.val)
			_, err := parse([]string{"--nats-url", "nats://127.0.0.1:4222"})
			if err == nil || !strings.Contains(err.Error(), tc.key) || strings.Contains(err.Error(), "\n") {
				t.Errorf("%s=%q: err %v, want one line naming %s", tc.key, tc.val, err, tc.key)
			}
		})
	}
}
