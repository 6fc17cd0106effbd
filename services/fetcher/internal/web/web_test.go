package web

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestAddressPolicy(t *testing.T) {
	c, _ := New(Config{Allow: []string{"192.168.7.0/24", "10.9.9.9"}})
	tests := []struct {
		ip   string
		want bool
	}{
		{"93.184.216.34", true},
		{"2606:4700::1111", true},
		{"127.0.0.1", false},
		{"::1", false},
		{"10.0.0.1", false},
		{"172.16.5.4", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false},
		{"fe80::1", false},
		{"fc00::1", false},
		{"100.64.0.1", false},
		{"0.0.0.0", false},
		{"::ffff:127.0.0.1", false},
		{"224.0.0.1", false},
		{"192.168.7.9", true},
		{"10.9.9.9", true},
	}
	for _, tc := range tests {
		if got := c.allowedIP(netip.MustParseAddr(tc.ip)); got != tc.want {
			t.Errorf("allowedIP(%s) = %v, want %v", tc.ip, got, tc.want)
		}
	}
	open, _ := New(Config{AllowPrivate: true})
	if !open.allowedIP(netip.MustParseAddr("10.0.0.1")) {
		t.Error("AllowPrivate does not allow 10.0.0.1")
	}
}

// TestAddressPolicyRefusesTheSpecialRangesAndKeepsMetadataClosed checks
// the policy alone, address by address: no packet is sent to any of them.
func TestAddressPolicyRefusesTheSpecialRangesAndKeepsMetadataClosed(t *testing.T) {
	closed, _ := New(Config{})
	private, _ := New(Config{AllowPrivate: true})
	some, _ := New(Config{Allow: []string{"10.0.0.0/24", "169.254.0.0/16", "fd00::/8"}})
	named, _ := New(Config{AllowPrivate: true, Allow: []string{"169.254.169.254", "fd00:ec2::254/128"}})
	tests := []struct {
		ip                           string
		closed, private, some, named bool
	}{
		{"93.184.216.34", true, true, true, true},
		{"2606:4700::1111", true, true, true, true},
		{"64:ff9b::a9fe:a9fe", false, true, false, true}, // NAT64 of 169.254.169.254
		{"64:ff9b::808:808", false, true, false, true},   // NAT64 of a public address: still a translator
		{"2002:7f00:1::1", false, true, false, true},     // 6to4 of 127.0.0.1
		{"198.18.0.1", false, true, false, true},         // benchmarking
		{"198.19.255.254", false, true, false, true},
		{"240.0.0.1", false, true, false, true}, // reserved
		{"255.255.255.255", false, true, false, true},
		{"10.0.0.5", false, true, true, true},
		{"10.0.1.5", false, true, false, true},
		{"127.0.0.1", false, true, false, true},
		{"169.254.1.1", false, true, true, true},
		{"169.254.169.254", false, false, false, true}, // cloud metadata: only when named
		{"169.254.170.2", false, false, false, false},  // container metadata, not named
		{"fd00:ec2::254", false, false, false, true},
		{"fd00::1", false, true, true, true},
		{"100.100.100.200", false, false, false, false},
		{"168.63.129.16", false, false, false, false},
		{"::ffff:169.254.169.254", false, false, false, true},
	}
	for _, tc := range tests {
		ip := netip.MustParseAddr(tc.ip)
		for _, c := range []struct {
			name string
			c    *Client
			want bool
		}{{"closed", closed, tc.closed}, {"allow-private", private, tc.private}, {"allow some", some, tc.some}, {"metadata named", named, tc.named}} {
			if got := c.c.allowedIP(ip); got != c.want {
				t.Errorf("%s: allowedIP(%s) = %v, want %v", c.name, tc.ip, got, c.want)
			}
		}
	}
}

func TestHostNamesAreCheckedAtDialTime(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "hello")
	}))
	defer srv.Close()
	port := srv.URL[strings.LastIndexByte(srv.URL, ':')+1:]
	// "localhost" resolves to a loopback address: without an allowance the
	// resolved address is refused, whatever the name looked like.
	c, _ := New(Config{PerHostInterval: -1, IgnoreRobots: true, Retries: -1})
	_, err := c.Fetch(context.Background(), "http://localhost:"+port+"/", "")
	if !errors.Is(err, ErrPrivateAddress) {
		t.Fatalf("err %v, want ErrPrivateAddress", err)
	}
	byName, _ := New(Config{PerHostInterval: -1, IgnoreRobots: true, Allow: []string{"localhost"}})
	if _, err := byName.Fetch(context.Background(), "http://localhost:"+port+"/", ""); err != nil {
		t.Fatalf("allowed by name: %v", err)
	}
}

func TestGzipIsDecodedAndLimitedAfterDecompression(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Error("gzip not offered")
		}
		if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "diplograph-fetcher/") {
			t.Errorf("User-Agent %q", ua)
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "text/plain")
		gz := gzip.NewWriter(w)
		n := 100
		if r.URL.Path == "/bomb" {
			n = 1 << 20
		}
		fmt.Fprint(gz, strings.Repeat("talks ", n))
		gz.Close()
	}))
	defer srv.Close()
	c, _ := New(Config{Allow: []string{"127.0.0.1"}, PerHostInterval: -1, IgnoreRobots: true, MaxBody: 1 << 20})
	resp, err := c.Fetch(context.Background(), srv.URL+"/small", "")
	if err != nil || len(resp.Body) != 600 {
		t.Fatalf("small: %v, %d bytes", err, len(resp.Body))
	}
	if _, err := c.Fetch(context.Background(), srv.URL+"/bomb", ""); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("bomb: %v, want ErrTooLarge", err)
	}
}

func TestPerHostRateLimitSpacesRequests(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") }))
	defer srv.Close()
	c, _ := New(Config{Allow: []string{"127.0.0.1"}, PerHostInterval: 100 * time.Millisecond, IgnoreRobots: true})
	start := time.Now()
	for range 4 {
		if _, err := c.Fetch(context.Background(), srv.URL, ""); err != nil {
			t.Fatal(err)
		}
	}
	if el := time.Since(start); el < 280*time.Millisecond {
		t.Errorf("4 requests in %s, want at least 300ms apart in total", el)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{{"", 0}, {"3", 3 * time.Second}, {"junk", 0}, {now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second}, {now.Add(-time.Hour).Format(http.TimeFormat), 0}} {
		if got := retryAfter(tc.in, now); got != tc.want {
			t.Errorf("retryAfter(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestIsBinary(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{{"<p>hello</p>", false}, {"中文", false}, {"\x89PNG\r\n\x1a\n", true}, {"%PDF-1.4\n", true}, {"a\x00b", true}, {"\xff\xfeh\x00i\x00", false}, {"PK\x03\x04", true}} {
		if got := IsBinary([]byte(tc.in)); got != tc.want {
			t.Errorf("IsBinary(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestDecode(t *testing.T) {
	gbkProse, _ := simplifiedchinese.GBK.NewEncoder().String("外交部发言人今天在例行记者会上表示，中方坚决反对任何形式的经济胁迫，愿同各方一道维护多边贸易体制，推动构建开放型世界经济。双方同意加强在气候变化、公共卫生和地区安全等领域的沟通与协调。")
	head := "<html><head><title>t</title>" + strings.Repeat("<meta name=x content=y>", 60) + "</head><body>"
	gbkBody, _ := simplifiedchinese.GBK.NewEncoder().String("<p>中方坚决反对。</p>")
	tests := []struct {
		name, ct, body, want string
	}{
		{"undeclared UTF-8 after a long ASCII head stays UTF-8", "text/html", head + "<p>中方坚决反对。</p>", "中方坚决反对"},
		{"a header charset wins", "text/html; charset=gbk", gbkBody, "中方坚决反对"},
		{"a meta charset is honoured", "text/html", `<meta charset="gb2312">` + gbkBody, "中方坚决反对"},
		{"windows-1252 declared in the header", "text/html; charset=windows-1252", "caf\xe9", "café"},
		{"GBK without any declaration is recognised, not read as windows-1252", "text/html", "<html><body><p>" + gbkProse + "</p></body></html>", "中方坚决反对任何形式的经济胁迫"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decode([]byte(tc.body), "text/html", "", tc.ct)
			if err != nil || !strings.Contains(string(got), tc.want) {
				t.Errorf("decode = %q, %v; want it to contain %q", got, err, tc.want)
			}
		})
	}
}
