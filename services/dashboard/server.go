package dashboard

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Server is the dashboard: its pages, and the JSON API under /api/ that
// they use (docs/api.md). It only reads the graph.
type Server struct {
	Store *Store
	Hub   *Hub
	Log   *slog.Logger
}

// Handler returns the dashboard's routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, r := range s.api() {
		mux.HandleFunc(r.pattern, r.handler)
	}
	mux.HandleFunc("GET /api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such API: see docs/api.md", "")
	})
	mux.Handle("GET /assets/{file}", assetHandler())
	// The pages are one document that routes on the path.
	for _, p := range []string{"/{$}", "/claims", "/actors/{id}", "/graph/{id}", "/live"} {
		mux.HandleFunc("GET "+p, servePage)
	}
	return secure(mux)
}

type route struct {
	pattern string
	handler http.HandlerFunc
}

// api lists the JSON API; docs/api.md documents each.
func (s *Server) api() []route {
	return []route{
		{"GET /api/stances", s.stances},
		{"GET /api/claims", s.claims},
		{"GET /api/claims/{id}", s.claim},
		{"GET /api/actors/{id}", s.actor},
		{"GET /api/graph/{id}", s.graph},
		{"GET /api/filters", s.filters},
		{"GET /api/entities", s.entities},
		{"GET /api/live", s.live},
	}
}

// secure sets the headers every response carries: the pages load nothing
// from elsewhere and may not be framed.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg, param string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	body := map[string]string{"error": msg}
	if param != "" {
		body["param"] = param
	}
	_ = json.NewEncoder(w).Encode(body)
}

// fail answers a request that could not be served: a bad parameter is the
// caller's (400), an unknown id 404, anything else the graph's (503).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var bad *BadRequest
	switch {
	case errors.As(err, &bad):
		writeError(w, http.StatusBadRequest, bad.Error(), bad.Param)
	case errors.Is(err, ErrNotFound):
		writeError(w, http.StatusNotFound, "not in the graph", "")
	case errors.Is(err, context.Canceled):
		// The client went away.
	default:
		s.Log.Warn("dashboard query failed", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusServiceUnavailable, "the graph could not answer; see the server log", "")
	}
}

func (s *Server) stances(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := ParseFilter(q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	actors, err := intParam(q, "actors", 20, 1, 100)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	objects, err := intParam(q, "objects", 20, 1, 100)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	m, err := s.Store.Stances(r.Context(), f, actors, objects)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, m)
}

func (s *Server) claims(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := ParseFilter(q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	limit, err := intParam(q, "limit", 25, 1, 200)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	after, err := parseCursor(q.Get("cursor"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page, err := s.Store.Claims(r.Context(), f, limit, after)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, page)
}

func (s *Server) claim(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if err := checkID("id", id); err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.Store.Claim(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, c)
}

func (s *Server) actor(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if err := checkID("id", id); err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.Store.Actor(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, p)
}

func (s *Server) graph(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if err := checkID("id", id); err != nil {
		s.fail(w, r, err)
		return
	}
	limit, err := intParam(r.URL.Query(), "limit", 25, 1, 100)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	nb, err := s.Store.Neighbourhood(r.Context(), id, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, nb)
}

func (s *Server) filters(w http.ResponseWriter, r *http.Request) {
	f, err := s.Store.Filters(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, f)
}

func (s *Server) entities(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" || len(q) > 100 {
		writeError(w, http.StatusBadRequest, "parameter q: give 1 to 100 bytes of an id or name", "q")
		return
	}
	limit, err := intParam(r.URL.Query(), "limit", 10, 1, 50)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	refs, err := s.Store.Search(r.Context(), q, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, refs)
}

// live streams claim events as server-sent events: "status" events when
// the feed connects or loses the stream, "claim" events with the event as
// data and its stream sequence as id, so that a reconnecting page
// (Last-Event-ID) misses none the hub still holds.
func (s *Server) live(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := ParseFilter(q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	after, _ := strconv.ParseUint(r.Header.Get("Last-Event-ID"), 10, 64)
	rc := http.NewResponseController(w)
	// A feed lasts as long as the page is open.
	_ = rc.SetWriteDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	held, events, status, cancel := s.Hub.Subscribe(after)
	defer cancel()
	send := func(event, id string, data any) bool {
		b, _ := json.Marshal(data)
		if id != "" {
			fmt.Fprintf(w, "id: %s\n", id)
		}
		fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, b)
		return rc.Flush() == nil
	}
	fmt.Fprint(w, "retry: 2000\n\n")
	if !send("status", "", map[string]string{"status": s.Hub.Status()}) {
		return
	}
	for _, ev := range held {
		if f.matches(ev) && !send("claim", strconv.FormatUint(ev.Seq, 10), ev) {
			return
		}
	}
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case st := <-status:
			if !send("status", "", map[string]string{"status": st}) {
				return
			}
		case ev := <-events:
			if f.matches(ev) && !send("claim", strconv.FormatUint(ev.Seq, 10), ev) {
				return
			}
		case <-ping.C:
			// A comment keeps proxies from closing an idle stream.
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		}
	}
}

// matches applies a filter's predicate and actor to a live event.
func (f Filter) matches(ev LiveEvent) bool {
	return (f.Predicate == "" || ev.Predicate == f.Predicate) && (f.Actor == "" || ev.Actor == f.Actor)
}

// Serve serves h on addr until ctx ends, then shuts down, giving requests
// (and live feeds) 5 s to finish. ready, when not nil, receives the address
// once it listens.
func Serve(ctx context.Context, addr string, h http.Handler, log *slog.Logger, ready chan<- string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("dashboard %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: time.Minute, IdleTimeout: 2 * time.Minute,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	if ready != nil {
		ready <- l.Addr().String()
	}
	log.Info("dashboard serving", "url", "http://"+l.Addr().String()+"/")
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx)
	return nil
}
