// Package web is the fetcher's polite and defensive HTTP client: robots.txt,
// a per-host rate limit, conditional GET, retries with backoff on 429 and
// 5xx, size and content-type limits, charset decoding, and a dialer that
// refuses private destinations.
package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"code.dny.dev/ssrf"
	"github.com/temoto/robotstxt"
	"golang.org/x/net/html/charset"
	"golang.org/x/time/rate"

	"github.com/diplograph/diplograph/platform/limits"
	"github.com/diplograph/diplograph/services/fetcher/internal/textenc"
)

// Config is the client's behaviour; zero fields take the defaults noted.
type Config struct {
	UserAgent       string        // default DefaultUserAgent
	Timeout         time.Duration // per attempt, headers and body; default 30 s
	MaxBody         int64         // bytes after decompression; default limits.Input
	PerHostInterval time.Duration // gap between requests to one host; default 1 s; <0 none
	AllowPrivate    bool          // reach private, loopback and link-local addresses
	Allow           []string      // CIDRs, IPs or host names reachable even so
	MaxRedirects    int           // default 5; <0 none
	Retries         int           // retries after the first attempt; default 3; <0 none
	RetryBase       time.Duration // first backoff; default 1 s
	MaxRetryWait    time.Duration // cap on one wait; default 2 min
	IgnoreRobots    bool
}

// DefaultUserAgent names the fetcher to the sites it visits.
const DefaultUserAgent = "diplograph-fetcher/1.0 (+https://diplograph.dev/bot)"

// Errors a fetch ends with; StatusError carries other HTTP statuses.
var (
	ErrPrivateAddress   = errors.New("destination is a private, special-purpose or metadata address (see --allow)")
	ErrTooLarge         = limits.ErrTooLarge
	ErrBinary           = errors.New("binary content")
	ErrContentType      = errors.New("unsupported content type")
	ErrRobots           = errors.New("disallowed by robots.txt")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrTimeout          = errors.New("timed out")
	ErrNetwork          = errors.New("network error")
	ErrScheme           = errors.New("only http and https URLs are fetched")
	ErrHostPaused       = errors.New("host asked for a pause (Retry-After)")
)

// StatusError is an HTTP status the fetch gave up on.
type StatusError struct {
	Code int
	URL  string
}

func (e *StatusError) Error() string { return fmt.Sprintf("GET %s: HTTP %d", e.URL, e.Code) }

// Response is a successful fetch.
type Response struct {
	URL         string // after redirects
	Status      int
	MediaType   string // lower-case, without parameters
	Body        []byte // HTML and text decoded to UTF-8; XML and JSON as sent
	NotModified bool   // 304 to a conditional request: Body is empty
	Attempts    int

	key string // the requested URL, for Remember
	v   validator
}

// Client fetches URLs. It is safe for concurrent use; keep one per process
// so that rate limits, robots.txt and validators are shared.
type Client struct {
	cfg        Config
	hc         *http.Client
	allowNets  []netip.Prefix
	allowHosts map[string]bool

	mu         sync.Mutex
	limiters   map[string]*rate.Limiter
	robots     map[string]robotsEntry
	validators map[string]validator
	held       map[string]time.Time // host -> Retry-After deadline
}

type robotsEntry struct {
	group   *robotstxt.Group
	expires time.Time
}

type validator struct{ etag, lastModified string }

// New returns a client for cfg.
func New(cfg Config) (*Client, error) {
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = limits.Input
	}
	if cfg.PerHostInterval == 0 {
		cfg.PerHostInterval = time.Second
	}
	if cfg.MaxRedirects == 0 {
		cfg.MaxRedirects = 5
	}
	if cfg.Retries == 0 {
		cfg.Retries = 3
	}
	if cfg.Retries < 0 {
		cfg.Retries = 0
	}
	if cfg.RetryBase <= 0 {
		cfg.RetryBase = time.Second
	}
	if cfg.MaxRetryWait <= 0 {
		cfg.MaxRetryWait = 2 * time.Minute
	}
	c := &Client{cfg: cfg, allowHosts: map[string]bool{}, limiters: map[string]*rate.Limiter{},
		robots: map[string]robotsEntry{}, validators: map[string]validator{}, held: map[string]time.Time{}}
	for _, a := range cfg.Allow {
		a = strings.TrimSpace(a)
		if p, err := netip.ParsePrefix(a); err == nil {
			c.allowNets = append(c.allowNets, p.Masked())
		} else if ip, err := netip.ParseAddr(a); err == nil {
			c.allowNets = append(c.allowNets, netip.PrefixFrom(ip, ip.BitLen()))
		} else if a != "" {
			c.allowHosts[strings.ToLower(a)] = true
		}
	}
	tr := &http.Transport{
		Proxy:                 nil, // the address check must see the real destination
		DialContext:           c.dial,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          64,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: cfg.Timeout,
		ExpectContinueTimeout: time.Second,
	}
	c.hc = &http.Client{Transport: tr, CheckRedirect: c.checkRedirect}
	return c, nil
}

// Close releases idle connections.
func (c *Client) Close() { c.hc.CloseIdleConnections() }

// dial checks the resolved address of every connection, redirects and
// DNS answers included, in net.Dialer.Control.
func (c *Client) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, _ := net.SplitHostPort(addr)
	byName := c.allowHosts[strings.ToLower(host)]
	d := net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second,
		Control: func(_, address string, _ syscall.RawConn) error {
			if byName {
				return nil
			}
			h, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			ip, err := netip.ParseAddr(h)
			if err != nil {
				return err
			}
			if !c.allowedIP(ip) {
				return fmt.Errorf("%w: %s (%s)", ErrPrivateAddress, host, ip)
			}
			return nil
		}}
	return d.DialContext(ctx, network, addr)
}

// metadataPrefixes are the cloud and container metadata services, where
// a host's credentials can be read. They stay refused even with
// AllowPrivate or an allowed range around them, unless an Allow entry
// names them exactly.
var metadataPrefixes = []netip.Prefix{
	netip.MustParsePrefix("169.254.169.254/32"), // AWS, GCP, Azure, OpenStack, Oracle, DigitalOcean
	netip.MustParsePrefix("169.254.170.2/32"),   // AWS ECS task metadata
	netip.MustParsePrefix("fd00:ec2::254/128"),  // AWS, over IPv6
	netip.MustParsePrefix("100.100.100.200/32"), // Alibaba Cloud
	netip.MustParsePrefix("168.63.129.16/32"),   // Azure WireServer
	netip.MustParsePrefix("192.0.0.192/32"),     // Oracle Cloud (legacy)
}

// allowedIP applies the one address policy of every command: a metadata
// address only when named; an address in Allow; with AllowPrivate any
// other; else none of the special-purpose ranges.
func (c *Client) allowedIP(ip netip.Addr) bool {
	ip = ip.Unmap()
	for _, m := range metadataPrefixes {
		if m.Contains(ip) {
			return c.names(m, ip)
		}
	}
	for _, p := range c.allowNets {
		if p.Contains(ip) {
			return true
		}
	}
	return c.cfg.AllowPrivate || !special(ip)
}

// names reports whether an Allow entry names an address of metadata
// prefix m exactly (the address, or a prefix inside m), not merely a range
// that happens to contain it.
func (c *Client) names(m netip.Prefix, ip netip.Addr) bool {
	for _, p := range c.allowNets {
		if p.Bits() >= m.Bits() && m.Contains(p.Addr()) && p.Contains(ip) {
			return true
		}
	}
	return false
}

// special reports an address of the IANA special-purpose registries
// (private, loopback, link-local, shared, benchmarking, reserved,
// documentation, multicast, NAT64, 6to4, Teredo …), as the maintained
// lists of code.dny.dev/ssrf carry them.
func special(ip netip.Addr) bool {
	if ip.Is4() {
		for _, p := range ssrf.IPv4DeniedPrefixes {
			if p.Contains(ip) {
				return true
			}
		}
		return false
	}
	// Outside global unicast lie loopback, link-local, unique-local,
	// multicast, NAT64 (64:ff9b::/96) and the unspecified address.
	if !ssrf.IPv6GlobalUnicast.Contains(ip) {
		return true
	}
	for _, p := range ssrf.IPv6DeniedPrefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.cfg.MaxRedirects || c.cfg.MaxRedirects < 0 {
		return fmt.Errorf("%w: more than %d", ErrTooManyRedirects, max(c.cfg.MaxRedirects, 0))
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), ErrScheme)
	}
	return nil
}

// Fetch GETs rawURL, conditionally when validators of an earlier response
// were remembered (see Remember), politely and with retries. accept is the Accept header.
func (c *Client) Fetch(ctx context.Context, rawURL, accept string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("GET %q: not an absolute URL", rawURL)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("GET %s: %w", u.Redacted(), ErrScheme)
	}
	if until := c.heldUntil(u.Host); until.After(time.Now()) {
		if wait := time.Until(until); wait > c.cfg.MaxRetryWait {
			return nil, fmt.Errorf("GET %s: %w: the server asked for a pause until %s", u.Redacted(), ErrHostPaused, until.UTC().Format(time.RFC3339))
		} else if err := Sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("GET %s: %w", u.Redacted(), err)
		}
	}
	if !c.cfg.IgnoreRobots {
		if err := c.checkRobots(ctx, u); err != nil {
			return nil, err
		}
	}
	var last error
	for attempt := 0; attempt <= c.cfg.Retries; attempt++ {
		resp, retryAfter, err := c.once(ctx, u, accept, true)
		if err == nil {
			resp.Attempts = attempt + 1
			return resp, nil
		}
		last = err
		if retryAfter > 0 {
			c.holdHost(u.Host, retryAfter)
		}
		// A server that asks for a longer pause than we would wait is left
		// alone until then: the fetch fails now and the next poll retries.
		if retryAfter < 0 || retryAfter > c.cfg.MaxRetryWait || attempt == c.cfg.Retries || ctx.Err() != nil {
			break
		}
		if err := Sleep(ctx, c.backoff(attempt, retryAfter)); err != nil {
			return nil, fmt.Errorf("GET %s: %w (after: %w)", u.Redacted(), err, last)
		}
	}
	return nil, last
}

// backoff is exponential with jitter (half to full), or Retry-After when
// the server gave one; both capped at MaxRetryWait.
func (c *Client) backoff(attempt int, retryAfter time.Duration) time.Duration {
	if retryAfter > 0 {
		return min(retryAfter, c.cfg.MaxRetryWait)
	}
	d := c.cfg.RetryBase << min(attempt, 20)
	d = d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
	return min(d, c.cfg.MaxRetryWait)
}

// once makes one attempt. retryAfter < 0 means the error is permanent; 0
// retry with backoff; > 0 the server's Retry-After.
func (c *Client) once(ctx context.Context, u *url.URL, accept string, conditional bool) (*Response, time.Duration, error) {
	if err := c.limiter(u.Host).Wait(ctx); err != nil {
		return nil, -1, fmt.Errorf("GET %s: %w", u.Redacted(), err)
	}
	actx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, -1, fmt.Errorf("GET %s: %w", u.Redacted(), err)
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	key := u.String()
	if conditional {
		c.mu.Lock()
		v, ok := c.validators[key]
		c.mu.Unlock()
		if ok {
			if v.etag != "" {
				req.Header.Set("If-None-Match", v.etag)
			}
			if v.lastModified != "" {
				req.Header.Set("If-Modified-Since", v.lastModified)
			}
		}
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		ra, err := c.classify(ctx, err)
		return nil, ra, err
	}
	defer resp.Body.Close()
	final := resp.Request.URL.Redacted()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return &Response{URL: final, Status: resp.StatusCode, NotModified: true}, 0, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		ra := retryAfter(resp.Header.Get("Retry-After"), time.Now())
		return nil, ra, &StatusError{Code: resp.StatusCode, URL: final}
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, -1, &StatusError{Code: resp.StatusCode, URL: final}
	}
	ct := resp.Header.Get("Content-Type")
	mt, params, _ := mime.ParseMediaType(ct)
	mt = strings.ToLower(mt)
	if !acceptableType(mt) {
		return nil, -1, fmt.Errorf("GET %s: %w: %q", final, ErrContentType, ct)
	}
	if resp.ContentLength > c.cfg.MaxBody {
		return nil, -1, fmt.Errorf("GET %w (Content-Length)", limits.Exceeded(final, resp.ContentLength, c.cfg.MaxBody))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.cfg.MaxBody+1))
	if err != nil {
		ra, err := c.classify(ctx, fmt.Errorf("GET %s: reading body: %w", final, err))
		return nil, ra, err
	}
	if int64(len(body)) > c.cfg.MaxBody {
		return nil, -1, fmt.Errorf("GET %w", limits.Exceeded(final, int64(len(body)), c.cfg.MaxBody))
	}
	if IsBinary(body) {
		return nil, -1, fmt.Errorf("GET %s: %w (declared %q)", final, ErrBinary, ct)
	}
	if mt == "" || mt == "application/octet-stream" {
		mt, _, _ = mime.ParseMediaType(http.DetectContentType(body))
	}
	body, err = decode(body, mt, params["charset"], ct)
	if err != nil {
		return nil, -1, fmt.Errorf("GET %s: decoding %q: %w", final, ct, err)
	}
	return &Response{URL: final, Status: resp.StatusCode, MediaType: mt, Body: body,
		key: key, v: validator{etag: resp.Header.Get("ETag"), lastModified: resp.Header.Get("Last-Modified")}}, 0, nil
}

// Remember keeps the validators (ETag, Last-Modified) of a response so that
// the next Fetch of its URL is conditional. Call it once the response's
// content is safely processed: a 304 must never hide items that were not
// published.
func (c *Client) Remember(r *Response) {
	if r == nil || r.key == "" || (r.v.etag == "" && r.v.lastModified == "") {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.validators) > 50000 {
		clear(c.validators)
	}
	c.validators[r.key] = r.v
}

// classify turns a transport error into a permanent (-1) or retryable (0) one.
func (c *Client) classify(ctx context.Context, err error) (time.Duration, error) {
	switch {
	case errors.Is(err, ErrPrivateAddress), errors.Is(err, ErrTooManyRedirects), errors.Is(err, ErrScheme):
		return -1, err
	case ctx.Err() != nil:
		return -1, err
	case errors.Is(err, context.DeadlineExceeded), isTimeout(err):
		return 0, fmt.Errorf("%w: %w", ErrTimeout, err)
	}
	return 0, fmt.Errorf("%w: %w", ErrNetwork, err)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func acceptableType(mt string) bool {
	switch mt {
	case "", "application/octet-stream", "text/html", "application/xhtml+xml", "text/plain", "text/markdown",
		"text/xml", "application/xml", "application/rss+xml", "application/atom+xml", "application/rdf+xml",
		"application/json", "application/feed+json", "text/x-markdown":
		return true
	}
	return false
}

// IsBinary reports content that is no text: NUL bytes or a binary
// signature in its first 1 KiB.
func IsBinary(b []byte) bool {
	head := b[:min(len(b), 1024)]
	if bytes.IndexByte(head, 0) >= 0 {
		// UTF-16 text has NULs too; its BOM says so.
		return !textenc.HasBOM(head)
	}
	mt := http.DetectContentType(head)
	switch {
	case strings.HasPrefix(mt, "text/"), strings.HasPrefix(mt, "application/json"), strings.HasPrefix(mt, "application/xml"):
		return false
	case mt == "application/octet-stream":
		return false // no signature and no NUL: treat as text of an unknown charset
	}
	return true
}

// decode converts HTML and text to UTF-8 from the declared charset (BOM,
// header, or <meta> unless the body is valid UTF-8). XML keeps its bytes: the feed parser honours the XML
// declaration, unless only the header names a charset.
func decode(body []byte, mt, declared, contentType string) ([]byte, error) {
	switch {
	case strings.Contains(mt, "xml") && mt != "application/xhtml+xml":
		if declared == "" || isUTF8(declared) || bytes.Contains(body[:min(len(body), 200)], []byte("encoding=")) {
			return body, nil
		}
		enc, _ := charset.Lookup(declared)
		if enc == nil {
			return body, nil
		}
		return io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(body)))
	case strings.Contains(mt, "json"):
		return body, nil
	}
	if declared == "" {
		_, params, _ := mime.ParseMediaType(contentType)
		declared = params["charset"]
	}
	// BOM, header charset, valid UTF-8, the page's own declaration, then
	// detection: the same order as for local files (textenc).
	out, _ := textenc.Decode(body, declared)
	return out, nil
}

func isUTF8(label string) bool {
	l := strings.ToLower(strings.TrimSpace(label))
	return l == "utf-8" || l == "utf8"
}

// retryAfter parses a Retry-After header (seconds or an HTTP date); 0 when
// absent or unparseable.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// holdHost records a server's Retry-After so that every request to the
// host waits for it, not only the retried one.
func (c *Client) holdHost(host string, d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	until := time.Now().Add(d)
	if until.After(c.held[host]) {
		if len(c.held) > 10000 {
			clear(c.held)
		}
		c.held[host] = until
	}
}

func (c *Client) heldUntil(host string) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.held[host]
}

func (c *Client) limiter(host string) *rate.Limiter {
	c.mu.Lock()
	defer c.mu.Unlock()
	l, ok := c.limiters[host]
	if !ok {
		lim := rate.Inf
		if c.cfg.PerHostInterval > 0 {
			lim = rate.Every(c.cfg.PerHostInterval)
		}
		l = rate.NewLimiter(lim, 1)
		if len(c.limiters) > 10000 {
			clear(c.limiters)
		}
		c.limiters[host] = l
	}
	return l
}

// checkRobots fetches and caches a host's robots.txt for an hour (ten
// minutes when it could not be read; 5xx disallows, 4xx allows all) and
// tests u against the group of our User-Agent. A Crawl-delay above the
// configured interval slows the host's limiter down.
func (c *Client) checkRobots(ctx context.Context, u *url.URL) error {
	origin := u.Scheme + "://" + u.Host
	c.mu.Lock()
	e, ok := c.robots[origin]
	c.mu.Unlock()
	if !ok || time.Now().After(e.expires) {
		ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
		var data *robotstxt.RobotsData
		ttl := time.Hour
		resp, _, err := c.once(ctx, ru, "text/plain", false)
		if err != nil {
			ttl = 10 * time.Minute // an unreachable robots.txt is asked again sooner
		}
		switch {
		case err == nil:
			data, err = robotstxt.FromStatusAndBytes(resp.Status, resp.Body)
			if err != nil {
				data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
			}
		case errors.Is(err, ErrPrivateAddress) || ctx.Err() != nil:
			return err
		default:
			var se *StatusError
			code := http.StatusNotFound // unreachable or odd robots.txt: allow, as crawlers do for 4xx
			if errors.As(err, &se) {
				code = se.Code
			}
			data, _ = robotstxt.FromStatusAndBytes(code, nil)
		}
		e = robotsEntry{group: data.FindGroup(c.cfg.UserAgent), expires: time.Now().Add(ttl)}
		c.mu.Lock()
		c.robots[origin] = e
		c.mu.Unlock()
		if e.group != nil && e.group.CrawlDelay > c.cfg.PerHostInterval {
			c.limiter(u.Host).SetLimit(rate.Every(min(e.group.CrawlDelay, time.Minute)))
		}
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if e.group != nil && !e.group.Test(path) {
		return fmt.Errorf("GET %s: %w", u.Redacted(), ErrRobots)
	}
	return nil
}

// Sleep waits d, or returns ctx's error when it ends first.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
