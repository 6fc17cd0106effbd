// Package fetcher turns sources (files, folders, feeds, pages, standard
// input) into diplograph.article.v1 events on diplo.articles.<source>,
// publishing every item once: Ingest for one-shot backfills, Poll for the
// long-running service.
package fetcher

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/diplograph/diplograph/platform/limits"
	"github.com/diplograph/diplograph/platform/telemetry"
	"github.com/diplograph/diplograph/services/fetcher/internal/web"
	"github.com/diplograph/diplograph/services/fetcher/source"
)

// Stats counts the items of a run. Seen = Published + Duplicates + Failed.
type Stats struct {
	Seen       int
	Published  int
	Duplicates int
	Failed     int
	Failures   []Failure
	// Interrupted counts the items left undone because the run was stopped
	// (Ctrl-C, shutdown): they are no failures, nor dead-lettered, and the
	// next run takes them up.
	Interrupted int
}

// Failure is one input or item that was not published, and why.
type Failure struct {
	Input  string // file path, URL, or feed URL#item link
	Reason string // short fixed word: see the Reason* constants
	Err    error
}

// Progress receives the running totals; total is the number of items known
// so far (it grows as feeds are read).
type Progress func(s Stats, total int)

// IngestOptions tunes Ingest. The zero value works.
type IngestOptions struct {
	Workers       int           // parallel items; default 8
	Progress      Progress      // called every ProgressEvery and once at the end
	ProgressEvery time.Duration // default 250 ms
	// DeadLetter, when set, records every failure (the caller publishes a
	// schemas.DeadLetter on diplo.dlq.fetcher). payload is the raw input,
	// at most 1 MiB of it.
	DeadLetter func(ctx context.Context, input, reason string, err error, payload []byte)
	HTTP       *HTTPConfig        // for URLs and pages of feed items; default DefaultHTTPConfig
	Metrics    *telemetry.Metrics // optional: items and errors of stage "fetcher"
	// MaxFailures caps how many failures Stats.Failures lists (all are
	// counted); default 1000.
	MaxFailures int
}

// HTTPConfig is how the fetcher behaves on the web.
type HTTPConfig struct {
	UserAgent       string        // default "diplograph-fetcher/1 (+https://diplograph.dev/bot)"
	Timeout         time.Duration // per attempt, headers and body; default 30 s
	MaxBody         int64         // bytes after decompression; default limits.Input
	PerHostInterval time.Duration // minimum gap between requests to a host; default 1 s
	// AllowPrivate lets the fetcher reach private, loopback and link-local
	// addresses; Allow lists the CIDRs and host names it may reach even
	// without it (such as "127.0.0.1/32" in tests).
	AllowPrivate bool
	Allow        []string
	MaxRedirects int           // default 5
	Retries      int           // retries after the first attempt on 429, 5xx and network errors; default 3; -1 = none
	RetryBase    time.Duration // first backoff; default 1 s
	MaxRetryWait time.Duration // cap on a backoff or Retry-After; default 2 min
	IgnoreRobots bool          // skip robots.txt (only for one's own servers)

	allowList string // --allow as given, split by Parse
}

// DefaultHTTPConfig is the configuration used when none is given.
func DefaultHTTPConfig() HTTPConfig { return HTTPConfig{} }

func (c HTTPConfig) web() web.Config {
	return web.Config{
		UserAgent: c.UserAgent, Timeout: c.Timeout, MaxBody: c.MaxBody, PerHostInterval: c.PerHostInterval,
		AllowPrivate: c.AllowPrivate, Allow: c.Allow, MaxRedirects: c.MaxRedirects, Retries: c.Retries,
		RetryBase: c.RetryBase, MaxRetryWait: c.MaxRetryWait, IgnoreRobots: c.IgnoreRobots,
	}
}

// Reasons a Failure gives.
const (
	ReasonNotFound       = "not_found"
	ReasonRead           = "read_error"
	ReasonEmpty          = "empty"
	ReasonMalformed      = "malformed"
	ReasonTooLarge       = "too_large"
	ReasonBinary         = "binary"
	ReasonContentType    = "content_type"
	ReasonPrivateAddress = "private_address"
	ReasonRobots         = "robots_disallowed"
	ReasonRedirects      = "too_many_redirects"
	ReasonHTTPStatus     = "http_status"
	ReasonRateLimited    = "rate_limited"
	ReasonTimeout        = "timeout"
	ReasonNetwork        = "network"
	ReasonPublish        = "publish"
	ReasonNoContent      = "no_content"
)

// reasonOf classifies an error in one place.
func reasonOf(err error) string {
	var se *web.StatusError
	switch {
	case errors.Is(err, errNotFound):
		return ReasonNotFound
	case errors.Is(err, source.ErrEmpty):
		return ReasonEmpty
	case errors.Is(err, source.ErrNoContent):
		return ReasonNoContent
	case errors.Is(err, source.ErrNotFeed), errors.Is(err, errMalformed):
		return ReasonMalformed
	case errors.Is(err, limits.ErrTooLarge):
		return ReasonTooLarge
	case errors.Is(err, web.ErrBinary), errors.Is(err, errBinary):
		return ReasonBinary
	case errors.Is(err, web.ErrContentType):
		return ReasonContentType
	case errors.Is(err, web.ErrPrivateAddress):
		return ReasonPrivateAddress
	case errors.Is(err, web.ErrRobots):
		return ReasonRobots
	case errors.Is(err, web.ErrTooManyRedirects):
		return ReasonRedirects
	case errors.Is(err, web.ErrHostPaused), errors.As(err, &se) && se.Code == http.StatusTooManyRequests:
		return ReasonRateLimited
	case errors.As(err, &se):
		return ReasonHTTPStatus
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, web.ErrTimeout):
		return ReasonTimeout
	case errors.Is(err, errPublish):
		return ReasonPublish
	case errors.Is(err, web.ErrNetwork):
		return ReasonNetwork
	}
	return ReasonRead
}

// transient reports a failure that the same input may not meet again:
// the network, the server's load, or our own publishing.
func transient(err error) bool {
	var se *web.StatusError
	switch {
	case errors.Is(err, errPublish), errors.Is(err, web.ErrTimeout), errors.Is(err, web.ErrNetwork),
		errors.Is(err, web.ErrHostPaused), errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return true
	case errors.As(err, &se):
		return se.Code == http.StatusTooManyRequests || se.Code == http.StatusRequestTimeout || se.Code >= 500
	}
	return false
}

var (
	errMalformed = errors.New("malformed input")
	errBinary    = errors.New("binary input")
	errPublish   = errors.New("publish failed")
)

func wrapPublish(err error) error { return fmt.Errorf("%w: %w", errPublish, err) }

// DeadLetterID is a stable Nats-Msg-Id for the dead letter of a failure,
// so that a failure repeated within the duplicate window is recorded once.
func DeadLetterID(input, reason string, payload []byte) string {
	h := sha256.New()
	h.Write([]byte(input + "\x00" + reason + "\x00"))
	h.Write(payload)
	return "dlq-fetcher-" + hex.EncodeToString(h.Sum(nil)[:12])
}
