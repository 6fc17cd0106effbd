package fetcher

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestAFeedItemWhosePageFailsIsPublishedFromTheFeedsOwnText serves a feed
// whose items carry only a description, and whose pages answer 404, 503 or
// sit at an address the fetcher refuses: each item is published with the
// text the feed carries, and nothing is dead-lettered.
func TestAFeedItemWhosePageFailsIsPublishedFromTheFeedsOwnText(t *testing.T) {
	var srv *httptest.Server
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		port := srv.URL[strings.LastIndexByte(srv.URL, ':')+1:]
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Ministry</title><link>%[1]s/</link>
<item><title>Gone</title><link>%[1]s/gone</link><guid>1</guid><description>The Foreign Minister met her counterpart and they agreed to deepen cooperation.</description></item>
<item><title>Down</title><link>%[1]s/down</link><guid>2</guid><description>The two sides condemned the attacks on shipping in the Red Sea.</description></item>
<item><title>Refused</title><link>http://127.0.0.2:%[2]s/refused</link><guid>3</guid><description>The ministers welcomed the ceasefire and called for humanitarian access.</description></item>
</channel></rss>`, srv.URL, port)
	})
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()

	pub := newMemPublisher()
	dlq := &recordedDLQ{}
	s, err := Ingest(context.Background(), pub, []string{srv.URL + "/feed"}, IngestOptions{HTTP: loopbackHTTP(), DeadLetter: dlq.record})
	if err != nil {
		t.Fatal(err)
	}
	if s.Published != 3 || s.Failed != 0 || len(dlq.reasons) != 0 {
		t.Fatalf("%+v, dead letters %v; want the 3 items published from the feed's text", s, dlq.reasons)
	}
	want := map[string]string{"Gone": "agreed to deepen cooperation", "Down": "condemned the attacks", "Refused": "welcomed the ceasefire"}
	for _, a := range pub.published() {
		if !strings.Contains(a.Body, want[a.Title]) {
			t.Errorf("%s: body %q", a.Title, a.Body)
		}
	}
}
