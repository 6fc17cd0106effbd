package extractor

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/archive"
	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor/extract"
)

// HandleReprocess extracts again, with the engine's current rules, the
// archived articles that a batch of reprocess items names, and publishes
// their extractions; the linker then replaces what each article said
// before. An article the rules cannot read is passed over (it was
// dead-lettered when it first arrived); an item naming an article the
// archive lacks is dead-lettered.
func (s *Service) HandleReprocess(ctx context.Context, msgs []jetstream.Msg) []error {
	s.init()
	start := time.Now()
	errs := make([]error, len(msgs))
	ar, err := s.openArchive(ctx)
	if err != nil {
		for i := range errs {
			errs[i] = err
		}
		return errs
	}
	outs := make([][]natsx.Event, len(msgs))
	skipped := make([]bool, len(msgs))
	s.parallel(len(msgs), func(i int) { outs[i], skipped[i], errs[i] = s.reextractOne(ctx, ar, msgs[i]) })
	n := s.publish(ctx, outs, errs)
	if s.Metrics != nil {
		s.Metrics.Latency.WithLabelValues(StageReprocess).Observe(time.Since(start).Seconds())
		s.Metrics.Items.WithLabelValues(StageReprocess, "extractions").Add(float64(n))
		for _, sk := range skipped {
			if sk {
				s.Metrics.Items.WithLabelValues(StageReprocess, "unreadable").Inc()
			}
		}
	}
	return errs
}

// openArchive returns the archive, opened once.
func (s *Service) openArchive(ctx context.Context) (*archive.Archive, error) {
	s.archiveMu.Lock()
	defer s.archiveMu.Unlock()
	if s.archive != nil {
		return s.archive, nil
	}
	ar, err := archive.Open(ctx, s.JS)
	if err != nil {
		return nil, err
	}
	s.archive = ar
	return ar, nil
}

// reextractOne returns the extraction event of one reprocess item, or
// skipped when the rules cannot read the article.
func (s *Service) reextractOne(ctx context.Context, ar *archive.Archive, m jetstream.Msg) (evs []natsx.Event, skipped bool, err error) {
	var it schemas.ReprocessItem
	if err := json.Unmarshal(m.Data(), &it); err != nil {
		return nil, false, natsx.Permanent("malformed", fmt.Errorf("reprocess item on %s is not JSON: %w", m.Subject(), err))
	}
	if it.Schema != schemas.ReprocessV1 || it.Request == "" || it.Subject == "" {
		return nil, false, natsx.Permanent("malformed", fmt.Errorf("message on %s is not a %s with a request and a subject", m.Subject(), schemas.ReprocessV1))
	}
	a, _, err := ar.GetSubject(ctx, it.Subject)
	if errors.Is(err, archive.ErrNotFound) {
		return nil, false, natsx.Permanent("not_archived", fmt.Errorf("reprocess %s: article %s: %w", it.Request, it.ArticleID, err))
	}
	if err != nil {
		return nil, false, err
	}
	x := s.Engine.Extract(a)
	if x.Error != nil {
		return nil, true, nil
	}
	// The request time starts the publish-to-graph clock of a reprocess.
	origin, _ := natsx.Origin(m.Headers())
	// Unique to the request, so that the linker sees every article of a
	// reprocess and decides itself, by the extraction's content, whether
	// anything changed; a redelivered item is still de-duplicated.
	ev, err := s.extractionEvent(a, x, origin, "x-"+a.ID+"-"+extract.Version+"-"+s.Engine.RulesVersion()+"-"+it.Request)
	if err != nil {
		return nil, false, err
	}
	return []natsx.Event{ev}, false, nil
}
