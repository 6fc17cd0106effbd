package extractor

import (
	"testing"

	"github.com/diplograph/diplograph/platform/natsx/natstest"
)

func TestTheExtractionBoundStaysUnderTheServersMessageLimit(t *testing.T) {
	bus := natstest.Start(t)
	server := int(bus.Conn.MaxPayload())
	tests := []struct {
		name       string
		configured int
		want       int
	}{
		{"unset, the default", 0, min(DefaultMaxExtractionBytes, server-headerRoom)},
		{"a bound under the server's limit", 1 << 10, 1 << 10},
		{"a bound over the server's limit", 1 << 30, server - headerRoom},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := &Service{JS: bus.JS, MaxExtractionBytes: tc.configured}
			s.init()
			if s.maxExtraction != tc.want {
				t.Errorf("bound %d, want %d (server limit %d)", s.maxExtraction, tc.want, server)
			}
		})
	}
}
