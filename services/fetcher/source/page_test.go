package source

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParsePage(t *testing.T) {
	long := strings.Repeat("<p>The Foreign Minister said both sides agreed to resume the dialogue on maritime issues next month.</p>", 6)
	tests := []struct {
		name, html, wantURL, wantLang string
	}{
		{"a relative canonical link is resolved", `<html lang="en-US"><head><link rel="canonical" href="/a/1"></head><body><article>` + long + `</article></body></html>`, "https://x.example/a/1", "en"},
		{"a canonical link among other rel tokens counts", `<html><head><link rel="alternate canonical" href="https://y.example/b"></head><body>` + long + `</body></html>`, "https://y.example/b", ""},
		{"a non-http canonical link is ignored", `<html><head><link rel="canonical" href="javascript:alert(1)"></head><body>` + long + `</body></html>`, "https://x.example/page?id=1", ""},
		{"a canonical link in the body is ignored", `<html><head></head><body><link rel="canonical" href="https://evil.example/">` + long + `</body></html>`, "https://x.example/page?id=1", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ParsePage("src", "https://x.example/page?id=1", []byte(tc.html))
			if err != nil {
				t.Fatal(err)
			}
			if a.URL != tc.wantURL || a.Lang != tc.wantLang || !strings.Contains(a.Body, "maritime issues") || a.Format != "html" {
				t.Errorf("url %q lang %q format %q", a.URL, a.Lang, a.Format)
			}
			if a.ID != ArticleID(CanonicalURL(tc.wantURL), a.ContentHash) {
				t.Error("id not derived from the canonical URL")
			}
		})
	}
	if _, err := ParsePage("src", "https://x.example/", []byte("  ")); err != ErrEmpty {
		t.Errorf("blank page: %v", err)
	}
}

func FuzzParsePage(f *testing.F) {
	for _, s := range []string{"<html><head><link rel=canonical href=/x></head><body><p>a</p></body></html>", "text", "<p>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParsePage("s", "https://x.example/p", data)
		if err != nil {
			return
		}
		if !idPattern.MatchString(a.ID) || !hashPattern.MatchString(a.ContentHash) || !utf8.ValidString(a.Body) {
			t.Fatalf("bad article %+v", a)
		}
	})
}
