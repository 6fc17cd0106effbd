package source

import "testing"

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"tracking parameters and the fragment are dropped", "https://www.State.gov/a/?utm_source=rss&utm_medium=feed&id=3&fbclid=x#top", "https://www.state.gov/a/?id=3"},
		{"default ports go", "http://example.org:80/x", "http://example.org/x"},
		{"other ports stay", "https://example.org:8443/x", "https://example.org:8443/x"},
		{"remaining parameters are sorted", "https://example.org/p?b=2&a=1&gclid=9", "https://example.org/p?a=1&b=2"},
		{"an empty path becomes /", "https://example.org", "https://example.org/"},
		{"percent-encoded paths are kept", "http://www.rfi.fr//cn/%E4%BF%84", "http://www.rfi.fr//cn/%E4%BF%84"},
		{"user info is dropped", "https://u:p@example.org/a", "https://example.org/a"},
		{"non-http input is returned trimmed", "  urn:uuid:1234 ", "urn:uuid:1234"},
		{"relative input is returned trimmed", "/a/b", "/a/b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := CanonicalURL(tc.in); got != tc.want {
				t.Errorf("CanonicalURL(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzCanonicalURLIsIdempotent(f *testing.F) {
	for _, s := range []string{"https://a.example/x?utm_source=1&b=2#f", "http://A.example:80", "urn:x", "https://[::1]:443/a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := CanonicalURL(s)
		if c2 := CanonicalURL(c); c2 != c {
			t.Errorf("not idempotent: %q -> %q -> %q", s, c, c2)
		}
	})
}
