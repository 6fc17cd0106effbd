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
		{"replicas JetStream cannot keep", "NATS_REPLICAS", "0"},
		{"an unknown log level", "LOG_LEVEL", "verbose"},
		{"a batch that is no number", "LINK_BATCH", "big"},
		{"an empty batch", "LINK_BATCH", "0"},
		{"a health address without a port", "HEALTH_ADDR", "localhost"},
		{"a Neo4j URI of the wrong scheme", "NEO4J_URI", "http://127.0.0.1:7474"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("NEO4J_PASSWORD", "any-password")
			t.Setenv(tc.key, tc.val)
			_, err := parse([]string{"--nats-url", "nats://127.0.0.1:4222"})
			if err == nil || !strings.Contains(err.Error(), tc.key) || strings.Contains(err.Error(), "\n") {
				t.Errorf("%s=%q: err %v, want one line naming %s", tc.key, tc.val, err, tc.key)
			}
		})
	}
}
