package fetcher

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseSources(t *testing.T) {
	good := `interval: 10m
feeds:
  - name: state-dept
    url: https://www.state.gov/rss-feed/press-releases/feed/
    interval: 5m
  - url: https://www.mfa.example/rss.xml
pages:
  - url: https://www.mfa.example/statement.html
    interval: 24h
folders:
  - name: inbox
    path: /srv/inbox
`
	srcs, err := ParseSources([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	want := []SourceConfig{
		{Name: "state-dept", Kind: KindFeed, URL: "https://www.state.gov/rss-feed/press-releases/feed/", Interval: 5 * time.Minute},
		{Name: "mfa.example", Kind: KindFeed, URL: "https://www.mfa.example/rss.xml", Interval: 10 * time.Minute},
		{Name: "mfa.example", Kind: KindPage, URL: "https://www.mfa.example/statement.html", Interval: 24 * time.Hour},
		{Name: "inbox", Kind: KindFolder, Path: "/srv/inbox", Interval: 10 * time.Minute},
	}
	if len(srcs) != len(want) {
		t.Fatalf("%+v", srcs)
	}
	for i := range want {
		if srcs[i] != want[i] {
			t.Errorf("source %d = %+v, want %+v", i, srcs[i], want[i])
		}
	}
	bad := []struct{ name, yaml, wantErr string }{
		{"an unknown key is an error", "feedz: []", "feedz"},
		{"a feed needs an http URL", "feeds:\n  - url: ftp://x.example/f", "not an http(s) URL"},
		{"a folder needs a path", "folders:\n  - name: x", "path is empty"},
		{"intervals are durations", "feeds:\n  - url: https://x.example/\n    interval: often", "not a duration"},
		{"intervals are at least a second", "feeds:\n  - url: https://x.example/\n    interval: 10ms", "under 1s"},
		{"an empty file lists nothing", "", "no feeds"},
		{"a source listed twice is an error", "feeds:\n  - url: https://x.example/\n  - url: https://x.example/", "twice"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseSources([]byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("err %v, want one mentioning %q", err, tc.wantErr)
			}
		})
	}
}

func TestLoadSourcesNamesTheFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "sources.yaml")
	if err := os.WriteFile(p, []byte("feeds:\n  - url: nope\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadSources(p); err == nil || !strings.Contains(err.Error(), p) {
		t.Errorf("err %v does not name %s", err, p)
	}
}
