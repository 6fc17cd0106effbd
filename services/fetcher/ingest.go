package fetcher

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/diplograph/diplograph/platform/limits"
	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/fetcher/internal/web"
	"github.com/diplograph/diplograph/services/fetcher/source"
)

// Stdin is the input name that reads standard input.
const Stdin = "-"

// Extensions read from folders: documents and feeds.
var (
	docExts  = map[string]bool{".txt": true, ".md": true, ".markdown": true, ".html": true, ".htm": true}
	feedExts = map[string]bool{".xml": true, ".rss": true, ".atom": true, ".rdf": true, ".json": true}
)

// Ingest reads every input once and publishes its items: files, folders
// (walked recursively for *.txt, *.md, *.html, *.htm documents and *.xml,
// *.rss, *.atom, *.json feeds; hidden entries and README, SOURCE, LICENSE
// and CHANGELOG files are skipped), http(s) URLs of feeds or pages, and
// "-" for standard input. Standard input or a file named as an input that
// holds nothing but URLs, one a line, is a list of URLs to fetch. An item that fails is counted, listed in
// Stats.Failures and given to opts.DeadLetter; the others go on. The
// error is non-nil only when ctx ends first or pub is nil.
func Ingest(ctx context.Context, pub Publisher, inputs []string, opts IngestOptions) (Stats, error) {
	if pub == nil {
		return Stats{}, errors.New("ingest: no publisher")
	}
	r := newRun(pub, opts, os.Stdin)
	defer r.close()
	stop := r.reportProgress(ctx)
	for _, in := range inputs {
		r.addInput(ctx, in)
	}
	r.wg.Wait()
	stop()
	s := r.snapshot()
	return s, ctx.Err()
}

// run is the state of one Ingest or one poll of a source.
type run struct {
	pub    Publisher
	opts   IngestOptions
	stdin  io.Reader
	source string // source name forced on every item ("" = derive)

	clientOnce sync.Once
	client     *web.Client
	clientErr  error

	sem chan struct{}
	wg  sync.WaitGroup

	mu    sync.Mutex
	stats Stats
	total int
}

func newRun(pub Publisher, opts IngestOptions, stdin io.Reader) *run {
	if opts.Workers <= 0 {
		opts.Workers = 8
	}
	if opts.ProgressEvery <= 0 {
		opts.ProgressEvery = 250 * time.Millisecond
	}
	if opts.MaxFailures <= 0 {
		opts.MaxFailures = 1000
	}
	return &run{pub: pub, opts: opts, stdin: stdin, sem: make(chan struct{}, opts.Workers)}
}

func (r *run) close() {
	if r.client != nil {
		r.client.Close()
	}
}

// web returns the HTTP client, made on first use.
func (r *run) web() (*web.Client, error) {
	r.clientOnce.Do(func() {
		if r.client != nil {
			return
		}
		cfg := DefaultHTTPConfig()
		if r.opts.HTTP != nil {
			cfg = *r.opts.HTTP
		}
		r.client, r.clientErr = web.New(cfg.web())
	})
	return r.client, r.clientErr
}

// spawnTop runs fn on a worker slot, waiting for the slot first, so that
// a folder of a million files does not start a million goroutines. Only
// callers that hold no slot may use it.
func (r *run) spawnTop(ctx context.Context, fn func(ctx context.Context)) {
	select {
	case r.sem <- struct{}{}:
	case <-ctx.Done():
		return
	}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		defer func() { <-r.sem }()
		if ctx.Err() == nil {
			r.timed(ctx, fn)
		}
	}()
}

// timed runs one unit of work (an input, or an item of a feed) and records
// how long it took.
func (r *run) timed(ctx context.Context, fn func(ctx context.Context)) {
	start := time.Now()
	fn(ctx)
	if m := r.opts.Metrics; m != nil {
		m.Latency.WithLabelValues(stage).Observe(time.Since(start).Seconds())
	}
}

// spawn runs fn on a worker slot; it does not block, so that work holding
// a slot (a feed) can hand out more (its items' pages).
func (r *run) spawn(ctx context.Context, fn func(ctx context.Context)) {
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		select {
		case r.sem <- struct{}{}:
		case <-ctx.Done():
			return
		}
		defer func() { <-r.sem }()
		if ctx.Err() == nil {
			r.timed(ctx, fn)
		}
	}()
}

func (r *run) addTotal(n int) {
	r.mu.Lock()
	r.total += n
	r.mu.Unlock()
}

func (r *run) snapshot() Stats {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.stats
	s.Failures = append([]Failure(nil), r.stats.Failures...)
	return s
}

func (r *run) reportProgress(ctx context.Context) (stop func()) {
	if r.opts.Progress == nil {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(r.opts.ProgressEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-t.C:
				s := r.snapshot()
				r.mu.Lock()
				total := r.total
				r.mu.Unlock()
				r.opts.Progress(s, total)
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		// At the end every item is accounted for, so the total is what was seen.
		s := r.snapshot()
		r.opts.Progress(s, s.Seen)
	}
}

// fail records a failure of input.
// It reports whether the failure is permanent: retrying the input as it
// stands cannot help.
func (r *run) fail(ctx context.Context, input string, err error, payload []byte) (permanent bool) {
	if ctx.Err() != nil {
		// Stopped, not failed: whatever broke, broke because the run ended.
		r.mu.Lock()
		r.stats.Interrupted++
		r.mu.Unlock()
		return false
	}
	reason := reasonOf(err)
	r.mu.Lock()
	r.stats.Seen++
	r.stats.Failed++
	if len(r.stats.Failures) < r.opts.MaxFailures {
		r.stats.Failures = append(r.stats.Failures, Failure{Input: input, Reason: reason, Err: err})
	}
	r.mu.Unlock()
	if m := r.opts.Metrics; m != nil {
		m.Errors.WithLabelValues(stage, reason).Inc()
		m.Messages.WithLabelValues(stage, natsx.OutcomeDeadLeter).Inc()
	}
	if r.opts.DeadLetter != nil {
		if len(payload) > MaxDeadLetterPayload {
			payload = payload[:MaxDeadLetterPayload]
		}
		r.opts.DeadLetter(context.WithoutCancel(ctx), input, reason, err, payload)
	}
	return !transient(err)
}

// stage is the metrics label of the fetcher.
const stage = "fetcher"

// publish publishes one article of input and reports whether it is now
// in the stream (published, or there before); a failure to publish is
// always transient.
func (r *run) publish(ctx context.Context, input string, a schemas.Article, payload []byte) bool {
	if r.source != "" {
		a.Source = r.source
	}
	if a.Fetched.IsZero() {
		a.Fetched = time.Now().UTC()
	}
	dup, err := r.pub.Publish(ctx, a)
	if err != nil {
		r.fail(ctx, input, wrapPublish(err), payload)
		return false
	}
	r.count(dup)
	return true
}

// count records an item published, or seen before when dup.
func (r *run) count(dup bool) {
	r.mu.Lock()
	r.stats.Seen++
	kind := "published"
	if dup {
		r.stats.Duplicates++
		kind = "duplicate"
	} else {
		r.stats.Published++
	}
	r.mu.Unlock()
	if m := r.opts.Metrics; m != nil {
		m.Items.WithLabelValues(stage, kind).Inc()
		m.Messages.WithLabelValues(stage, natsx.OutcomeOK).Inc()
	}
}

// addInput expands one input into work.
func (r *run) addInput(ctx context.Context, in string) {
	switch {
	case in == Stdin:
		r.addTotal(1)
		r.spawnTop(ctx, func(ctx context.Context) {
			// Standard input may be a feed or a list of URLs: the input
			// limit; a document is held to the document limit by Parse.
			data, err := io.ReadAll(io.LimitReader(r.stdin, limits.Input+1))
			if err == nil && len(data) > limits.Input {
				err = limits.Exceeded("stdin", int64(len(data)), limits.Input)
			}
			if err != nil {
				r.fail(ctx, "stdin", fmt.Errorf("reading stdin: %w", err), nil)
				return
			}
			if urls := urlList(data); urls != nil {
				r.fetchURLs(ctx, urls)
				return
			}
			r.document(ctx, "stdin", "stdin", data)
		})
	case isURL(in):
		r.addTotal(1)
		r.spawnTop(ctx, func(ctx context.Context) { r.fetchURL(ctx, in) })
	default:
		fi, err := os.Stat(in)
		if err != nil {
			r.addTotal(1)
			r.fail(ctx, in, fmt.Errorf("%w: %w", errNotFound, err), nil)
			return
		}
		if !fi.IsDir() {
			r.addTotal(1)
			r.spawnTop(ctx, func(ctx context.Context) { r.file(ctx, in, true) })
			return
		}
		var files []string
		werr := filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				r.addTotal(1)
				r.fail(ctx, p, fmt.Errorf("%w: %w", errNotFound, err), nil)
				return nil
			}
			if p != in && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || skipName(d.Name()) {
				return nil
			}
			ext := strings.ToLower(filepath.Ext(p))
			if docExts[ext] || feedExts[ext] {
				files = append(files, p)
			}
			return ctx.Err()
		})
		if werr != nil {
			return
		}
		r.addTotal(len(files))
		for _, p := range files {
			r.spawnTop(ctx, func(ctx context.Context) { r.file(ctx, p, false) })
		}
	}
}

var errNotFound = errors.New("input not found")

// urlList returns the URLs of data when every line that is not blank or a
// "#" comment is one http(s) URL, else nil.
func urlList(data []byte) []string {
	var urls []string
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !isURL(line) || strings.ContainsAny(line, " \t") {
			return nil
		}
		urls = append(urls, line)
	}
	return urls
}

// fetchURLs fetches a list of URLs read from an input; the list counted
// as one item.
func (r *run) fetchURLs(ctx context.Context, urls []string) {
	r.addTotal(len(urls) - 1)
	for _, u := range urls {
		r.spawn(ctx, func(ctx context.Context) { r.fetchURL(ctx, u) })
	}
}

// skipName reports the repository documentation files that folders hold
// beside their articles.
func skipName(name string) bool {
	base := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	switch base {
	case "README", "SOURCE", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "NOTICE":
		return true
	}
	return false
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// file reads one file: a feed by extension (or by content when named
// explicitly), else a document.
func (r *run) file(ctx context.Context, path string, sniff bool) {
	fi, err := os.Stat(path)
	if err != nil {
		r.fail(ctx, path, fmt.Errorf("%w: %w", errNotFound, err), nil)
		return
	}
	// Checked before reading: a document by the document limit, a feed
	// (or a file to sniff) by the input limit.
	limit := int64(limits.Input)
	if docExts[strings.ToLower(filepath.Ext(path))] {
		limit = limits.Document
	}
	if fi.Size() > limit {
		r.fail(ctx, path, limits.Exceeded(path, fi.Size(), limit), nil)
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		r.fail(ctx, path, fmt.Errorf("reading %s: %w", path, err), nil)
		return
	}
	ext := strings.ToLower(filepath.Ext(path))
	if feedExts[ext] || (sniff && !docExts[ext] && source.LooksLikeFeed(data)) {
		r.feed(ctx, path, "", data, nil)
		return
	}
	if sniff {
		if urls := urlList(data); urls != nil {
			r.fetchURLs(ctx, urls)
			return
		}
	}
	r.document(ctx, path, source.DocName(path), data)
}

// document publishes a single document (text, HTML, feed-item dump), or
// the items of a feed when the data is one.
func (r *run) document(ctx context.Context, input, name string, data []byte) {
	if web.IsBinary(data) {
		r.fail(ctx, input, fmt.Errorf("%s: %w", input, errBinary), data[:min(len(data), 512)])
		return
	}
	if source.LooksLikeFeed(data) {
		r.feed(ctx, input, "", data, nil)
		return
	}
	a, err := source.Parse(name, data)
	if err != nil {
		r.fail(ctx, input, fmt.Errorf("parsing %s: %w", input, err), data)
		return
	}
	r.publish(ctx, input, a, data)
}

// feed publishes the items of a feed read from input (a file or the feed
// URL feedURL). Items without full text get their page fetched. done, when
// set, learns once every item is settled whether all are: published, seen
// before, or failed for good (a retry of the feed could not help them).
func (r *run) feed(ctx context.Context, input, feedURL string, data []byte, done func(ok bool)) {
	f, err := source.ParseFeed(data, feedURL)
	if err != nil {
		r.fail(ctx, input, fmt.Errorf("%s: %w: %w", input, errMalformed, err), data)
		return
	}
	// The feed counted as one item until now.
	r.addTotal(len(f.Items) - 1)
	src := sourceName(f.Link, feedURL)
	var items sync.WaitGroup
	var unsettled atomic.Bool
	for _, it := range f.Items {
		itemInput := input + "#" + it.Key()
		a, err := it.Article(src)
		switch {
		case err == nil:
			items.Add(1)
			r.spawn(ctx, func(ctx context.Context) {
				defer items.Done()
				if !r.publish(ctx, itemInput, a, nil) {
					unsettled.Store(true)
				}
			})
		case errors.Is(err, source.ErrNoContent):
			items.Add(1)
			r.spawn(ctx, func(ctx context.Context) {
				defer items.Done()
				if !r.itemPage(ctx, itemInput, src, it) {
					unsettled.Store(true)
				}
			})
		default:
			if !r.fail(ctx, itemInput, err, nil) {
				unsettled.Store(true)
			}
		}
	}
	if done == nil {
		return
	}
	// Waiting here would hold a worker slot that the items may need.
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		items.Wait()
		done(!unsettled.Load() && ctx.Err() == nil)
	}()
}

// itemPage fetches the page of a feed item without full text, unless the
// item was published before, and reports whether the item is settled (see
// feed).
func (r *run) itemPage(ctx context.Context, input, src string, it source.FeedItem) bool {
	ss, _ := r.pub.(SeenSet)
	if ss != nil {
		if seen, err := ss.Seen(ctx, it.Key()); err == nil && seen {
			r.count(true)
			return true
		}
	}
	if !isURL(it.Link) {
		a, err := it.SummaryArticle(src)
		if err != nil {
			return r.fail(ctx, input, err, nil)
		}
		return r.publish(ctx, input, a, nil)
	}
	c, err := r.web()
	if err != nil {
		return r.fail(ctx, input, err, nil)
	}
	resp, err := c.Fetch(ctx, it.Link, acceptPage)
	if err != nil {
		return r.feedText(ctx, input, src, it, err, nil)
	}
	if resp.NotModified {
		r.count(true)
		return true
	}
	a, err := source.ParsePage(src, resp.URL, resp.Body)
	if err != nil {
		return r.feedText(ctx, input, src, it, fmt.Errorf("extracting %s: %w", resp.URL, err), resp.Body)
	}
	if it.Title != "" {
		a.Title = it.Title // the feed's title has no site-name suffix
	}
	if it.Published != nil {
		a.Published = it.Published
	}
	if a.Lang == "" {
		a.Lang = it.Lang
	}
	if !r.publish(ctx, input, a, nil) {
		return false
	}
	if ss != nil && source.CanonicalURL(a.URL) != it.Key() {
		_ = ss.MarkSeen(ctx, it.Key(), a)
	}
	return true
}

// feedText publishes a feed item from the text the feed itself carries
// (its description) when its page could not be had (pageErr): a page that
// answers 404 or 503, or stands at a refused address, loses nothing the
// feed holds. Without such text the item fails with pageErr.
func (r *run) feedText(ctx context.Context, input, src string, it source.FeedItem, pageErr error, payload []byte) bool {
	if ctx.Err() != nil {
		return r.fail(ctx, input, pageErr, payload)
	}
	a, err := it.SummaryArticle(src)
	if err != nil {
		return r.fail(ctx, input, pageErr, payload)
	}
	if m := r.opts.Metrics; m != nil {
		m.Items.WithLabelValues(stage, "feed_text").Inc()
	}
	return r.publish(ctx, input, a, nil)
}

const (
	acceptFeed = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1"
	acceptPage = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5, */*;q=0.1"
)

// fetchURL fetches a URL given as input: a feed or a page.
func (r *run) fetchURL(ctx context.Context, u string) {
	c, err := r.web()
	if err != nil {
		r.fail(ctx, u, err, nil)
		return
	}
	resp, err := c.Fetch(ctx, u, acceptFeed)
	if err != nil {
		r.fail(ctx, u, err, nil)
		return
	}
	if resp.NotModified {
		r.addTotal(-1)
		return
	}
	if source.LooksLikeFeed(resp.Body) {
		// The validators are kept only when every item made it, so that
		// the next poll gets the whole feed again rather than a 304.
		r.feed(ctx, u, resp.URL, resp.Body, func(ok bool) {
			if ok {
				c.Remember(resp)
			}
		})
		return
	}
	if strings.Contains(resp.MediaType, "html") || bytes.Contains(resp.Body[:min(len(resp.Body), 4096)], []byte("<html")) {
		src := r.source
		if src == "" {
			src = sourceName("", resp.URL)
		}
		a, err := source.ParsePage(src, resp.URL, resp.Body)
		if err != nil {
			r.fail(ctx, u, fmt.Errorf("extracting %s: %w", resp.URL, err), resp.Body)
			return
		}
		if r.publish(ctx, u, a, nil) {
			c.Remember(resp)
		}
		return
	}
	a, err := source.Parse(nameFromURL(resp.URL), resp.Body)
	if err != nil {
		r.fail(ctx, u, fmt.Errorf("parsing %s: %w", resp.URL, err), resp.Body)
		return
	}
	if a.URL == "" {
		a.URL = resp.URL
		a.ID = source.ArticleID(source.Key(a.URL, a.Name), a.ContentHash)
	}
	a.Source = sourceName("", resp.URL)
	if r.publish(ctx, u, a, nil) {
		c.Remember(resp)
	}
}

// sourceName names the source of a feed or page by its site's host,
// without "www.": "state.gov".
func sourceName(siteLink, fetchedURL string) string {
	for _, s := range []string{siteLink, fetchedURL} {
		if u, err := url.Parse(s); err == nil && u.Hostname() != "" {
			return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
	}
	return "feed"
}

func nameFromURL(u string) string {
	if pu, err := url.Parse(u); err == nil {
		base := filepath.Base(pu.Path)
		if base != "." && base != "/" && base != "" {
			return strings.TrimSuffix(base, filepath.Ext(base))
		}
		return pu.Hostname()
	}
	return u
}
