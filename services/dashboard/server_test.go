package dashboard_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/services/dashboard"
	"github.com/diplograph/diplograph/services/dashboard/dashboardtest"
	"github.com/diplograph/diplograph/services/linker"
	"github.com/diplograph/diplograph/services/linker/neo4jtest"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// openGraph connects to the test Neo4j (failing in CI when it is away).
// Persons are not resolved against the gazetteer, so that the test's stay
// its own.
func openGraph(t *testing.T) *linker.Graph {
	t.Helper()
	cfg := neo4jtest.Require(t)
	ctx := context.Background()
	g, err := linker.OpenGraph(ctx, linker.Neo4jConfig{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database}, quiet(),
		linker.WithGazetteer(nil))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close(ctx) })
	if err := g.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return g
}

// testServer serves the dashboard on the test graph.
func testServer(t *testing.T) (*httptest.Server, dashboardtest.Graph) {
	t.Helper()
	g := openGraph(t)
	tg := dashboardtest.New(neo4jtest.Run())
	dashboardtest.Write(t, g, tg)
	srv := &dashboard.Server{Store: dashboard.NewStore(g), Hub: dashboard.NewHub(quiet()), Log: quiet()}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts, tg
}

func get(t *testing.T, ts *httptest.Server, path string, params url.Values, out any) int {
	t.Helper()
	u := ts.URL + path
	if len(params) > 0 {
		u += "?" + params.Encode()
	}
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if out != nil && resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(body, out); err != nil {
			t.Fatalf("GET %s: %v\n%s", u, err, body)
		}
	}
	if out != nil && resp.StatusCode != http.StatusOK {
		t.Logf("GET %s: %d %s", u, resp.StatusCode, body)
	}
	return resp.StatusCode
}

func cell(m dashboard.Matrix, actor, object string) *dashboard.Cell {
	for i, c := range m.Cells {
		if c.Actor == actor && c.Object == object {
			return &m.Cells[i]
		}
	}
	return nil
}

func TestTheStanceMatrixCountsClaimsByActorAndObject(t *testing.T) {
	ts, g := testServer(t)
	var m dashboard.Matrix
	if code := get(t, ts, "/api/stances", url.Values{"source": {g.SourceEN}}, &m); code != 200 {
		t.Fatalf("status %d", code)
	}
	if m.Basis != "claims" {
		t.Errorf("basis %q, want claims (a source filter counts claims)", m.Basis)
	}
	var actors []string
	for _, a := range m.Actors {
		actors = append(actors, a.ID)
	}
	for _, want := range []string{"JPN", "USA", "GBR", "FRA", "CHN", "AUS"} {
		if !slices.Contains(actors, want) {
			t.Errorf("actor %s missing from the rows %v", want, actors)
		}
	}
	if actors[0] != "JPN" {
		t.Errorf("the first row is %s, want JPN (most claims from this source)", actors[0])
	}
	c := cell(m, "JPN", "CHN")
	if c == nil || c.Total != 2 || c.Predicates["concern"] != 2 || c.Top != "concern" {
		t.Errorf("JPN×CHN: %+v, want 2 concern", c)
	}
	if c := cell(m, "USA", "RUS"); c == nil || c.Predicates["condemn"] != 1 {
		t.Errorf("USA×RUS: %+v, want 1 condemn", c)
	}
	if c := cell(m, "CHN", "USA"); c == nil || c.Total != 1 {
		t.Errorf("CHN×USA: %+v, want 1 (reported by two sources, counted once per source filter)", c)
	}

	// A time window narrows the counts.
	m = dashboard.Matrix{}
	if code := get(t, ts, "/api/stances", url.Values{"source": {g.SourceEN}, "from": {"2025"}, "to": {"2025"}}, &m); code != 200 {
		t.Fatalf("status %d", code)
	}
	if c := cell(m, "JPN", "CHN"); c == nil || c.Total != 1 {
		t.Errorf("JPN×CHN in 2025: %+v, want 1", c)
	}
	if c := cell(m, "USA", "RUS"); c != nil {
		t.Errorf("USA×RUS (2024) counted in 2025: %+v", c)
	}
	// A language narrows them too: in Chinese, only China's and Japan's.
	m = dashboard.Matrix{}
	if code := get(t, ts, "/api/stances", url.Values{"source": {g.SourceZH}, "lang": {"zh"}}, &m); code != 200 {
		t.Fatalf("status %d", code)
	}
	if len(m.Cells) != 2 || cell(m, "CHN", "USA") == nil || cell(m, "JPN", g.Topic("economic-coercion")) == nil {
		t.Errorf("Chinese cells: %+v", m.Cells)
	}

	// Without filters the matrix comes from the stance summaries.
	m = dashboard.Matrix{}
	if code := get(t, ts, "/api/stances", nil, &m); code != 200 || m.Basis != "stances" || len(m.Cells) == 0 {
		t.Fatalf("unfiltered: status %d, basis %q, %d cells", code, m.Basis, len(m.Cells))
	}
	for _, c := range m.Cells {
		sum := int64(0)
		for _, n := range c.Predicates {
			sum += n
		}
		if sum != c.Total || c.Predicates[c.Top] == 0 {
			t.Errorf("cell %+v: totals do not add up", c)
		}
	}
}

func TestTheClaimExplorerFiltersAndPages(t *testing.T) {
	ts, g := testServer(t)
	var page dashboard.ClaimPage
	if code := get(t, ts, "/api/claims", url.Values{"source": {g.SourceEN}}, &page); code != 200 {
		t.Fatalf("status %d", code)
	}
	all := page.Claims
	if len(all) != 11 {
		t.Fatalf("%d claims from %s, want 11", len(all), g.SourceEN)
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].Date < all[i].Date {
			t.Fatalf("not newest first: %s before %s", all[i-1].Date, all[i].Date)
		}
	}

	cases := []struct {
		name   string
		params url.Values
		want   int
	}{
		{"by predicate", url.Values{"predicate": {"commit"}}, 4},
		{"by actor", url.Values{"actor": {"JPN"}}, 5},
		{"by target", url.Values{"target": {"CHN"}}, 2},
		{"by topic", url.Values{"topic": {g.Topic("climate-finance")}}, 2},
		{"by object", url.Values{"object": {"RUS"}}, 1},
		{"by date", url.Values{"from": {"2025-01-01"}, "to": {"2025-12-31"}}, 3},
		{"by year", url.Values{"from": {"2024"}, "to": {"2024"}}, 4},
		{"by actor and predicate", url.Values{"actor": {"JPN"}, "predicate": {"concern"}}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.params.Set("source", g.SourceEN)
			var p dashboard.ClaimPage
			if code := get(t, ts, "/api/claims", tc.params, &p); code != 200 {
				t.Fatalf("status %d", code)
			}
			if len(p.Claims) != tc.want {
				t.Fatalf("%d claims, want %d", len(p.Claims), tc.want)
			}
		})
	}

	// Pages of 3 cover the list once, in order.
	var paged []string
	cursor := ""
	for range 10 {
		params := url.Values{"source": {g.SourceEN}, "limit": {"3"}}
		if cursor != "" {
			params.Set("cursor", cursor)
		}
		var p dashboard.ClaimPage
		if code := get(t, ts, "/api/claims", params, &p); code != 200 {
			t.Fatalf("status %d", code)
		}
		for _, c := range p.Claims {
			paged = append(paged, c.ID)
		}
		if cursor = p.Next; cursor == "" {
			break
		}
	}
	var ids []string
	for _, c := range all {
		ids = append(ids, c.ID)
	}
	if !slices.Equal(paged, ids) {
		t.Fatalf("pages give\n%v\nwant\n%v", paged, ids)
	}
}

func TestAClaimShowsItsSentenceWithTheEvidenceAndItsCorroboration(t *testing.T) {
	ts, g := testServer(t)
	var page dashboard.ClaimPage
	get(t, ts, "/api/claims", url.Values{"topic": {g.Topic("economic-coercion")}, "lang": {"zh"}}, &page)
	if len(page.Claims) != 1 {
		t.Fatalf("%d claims about economic coercion reported in Chinese, want 1", len(page.Claims))
	}
	var c dashboard.Claim
	if code := get(t, ts, "/api/claims/"+url.PathEscape(page.Claims[0].ID), nil, &c); code != 200 {
		t.Fatalf("status %d", code)
	}
	if !slices.Equal(c.Langs, []string{"en", "zh"}) || c.Corroboration != 2 || len(c.Evidence) != 2 {
		t.Fatalf("claim %+v: want two reports, in English and Chinese", c)
	}
	byLang := map[string]dashboard.Evidence{}
	for _, e := range c.Evidence {
		byLang[e.Article.Lang] = e
	}
	en, zh := byLang["en"], byLang["zh"]
	if en.Before != "At the meeting in Tokyo, " || en.Text != "Japan strongly opposed economic coercion" || en.After != " in all its forms." {
		t.Errorf("English evidence in its sentence: %q [%q] %q", en.Before, en.Text, en.After)
	}
	if zh.Before != "会谈中，" || zh.Text != "日方强烈反对经济胁迫" || zh.After != "。" {
		t.Errorf("Chinese evidence in its sentence: %q [%q] %q", zh.Before, zh.Text, zh.After)
	}
	if en.Rule != "en.oppose.test" || en.RulesVersion != "rules-test-1" || !strings.HasPrefix(en.Article.URL, "https://example.org/") {
		t.Errorf("evidence provenance: %+v", en)
	}
	if len(c.Actors) != 1 || c.Actors[0].ID != "JPN" || c.Actors[0].Name == "" || len(c.Speakers) != 1 {
		t.Errorf("actors %+v, speakers %+v", c.Actors, c.Speakers)
	}
	if code := get(t, ts, "/api/claims/claim:00000000000000000000000000000000", nil, &c); code != 404 {
		t.Errorf("an unknown claim: status %d, want 404", code)
	}
}

func TestAnActorPageHasHistoryCommitmentsAndOfficials(t *testing.T) {
	ts, g := testServer(t)
	var p dashboard.ActorPage
	if code := get(t, ts, "/api/actors/JPN", nil, &p); code != 200 {
		t.Fatalf("status %d", code)
	}
	if p.Entity.Kind != "country" || p.Claims < 5 {
		t.Errorf("entity %+v with %d claims", p.Entity, p.Claims)
	}
	var china *dashboard.History
	for i, h := range p.History {
		if h.Object.ID == "CHN" {
			china = &p.History[i]
		}
	}
	if china == nil || china.Periods["2024"]["concern"] < 1 || china.Periods["2025"]["concern"] < 1 {
		t.Fatalf("Japan's history towards China: %+v", china)
	}
	if !slices.Contains(p.Periods, "2024") || !slices.Contains(p.Periods, "2025") {
		t.Errorf("periods %v", p.Periods)
	}
	found := false
	for _, o := range p.Officials {
		if o.ID == g.Person("kamikawa") {
			found = o.Statements >= 3 && o.First == "2024-03-12" && o.Last == "2026-01-15"
		}
	}
	if !found {
		t.Errorf("Kamikawa is not among Japan's officials with 3 statements from 2024-03-12 to 2026-01-15: %+v", p.Officials)
	}
	has := func(cs []dashboard.Commitment, topic string) bool {
		for _, c := range cs {
			if c.Topic != nil && c.Topic.ID == topic {
				return true
			}
		}
		return false
	}
	if !has(p.Commitments.Undated, g.Topic("maritime-security")) {
		t.Errorf("Japan's undated commitment missing: %+v", p.Commitments)
	}
	for _, tc := range []struct {
		actor, group string
		in           func(dashboard.Commitments) []dashboard.Commitment
	}{
		{"GBR", "overdue", func(c dashboard.Commitments) []dashboard.Commitment { return c.Overdue }},
		{"USA", "this year", func(c dashboard.Commitments) []dashboard.Commitment { return c.ThisYear }},
		{"FRA", "later", func(c dashboard.Commitments) []dashboard.Commitment { return c.Later }},
	} {
		var a dashboard.ActorPage
		get(t, ts, "/api/actors/"+tc.actor, nil, &a)
		topic := g.Topic("climate-finance")
		if tc.actor == "GBR" {
			topic = g.Topic("carrier-strike-group")
		}
		if !has(tc.in(a.Commitments), topic) {
			t.Errorf("%s's commitment on %s is not %s: %+v", tc.actor, topic, tc.group, a.Commitments)
		}
	}
	if code := get(t, ts, "/api/actors/ZZZ", nil, &p); code != 404 {
		t.Errorf("an unknown actor: status %d, want 404", code)
	}
}

func TestTheGraphViewHasTheNeighbourhood(t *testing.T) {
	ts, g := testServer(t)
	var nb dashboard.Neighbourhood
	if code := get(t, ts, "/api/graph/"+url.PathEscape(g.Topic("climate-finance")), nil, &nb); code != 200 {
		t.Fatalf("status %d", code)
	}
	var from []string
	for _, e := range nb.Edges {
		if e.Target == g.Topic("climate-finance") && e.Predicate == "commit" && e.Kind == "stance" {
			from = append(from, e.Source)
		}
	}
	slices.Sort(from)
	if !slices.Equal(from, []string{"FRA", "USA"}) || len(nb.Nodes) != 3 {
		t.Fatalf("neighbourhood of climate finance: nodes %+v, edges %+v", nb.Nodes, nb.Edges)
	}
}

func TestBadParametersAreNamed(t *testing.T) {
	ts, _ := testServer(t)
	for _, tc := range []struct{ path, param string }{
		{"/api/claims?predicate=likes", "predicate"},
		{"/api/claims?from=yesterday", "from"},
		{"/api/claims?from=2025&to=2024", "to"},
		{"/api/claims?lang=" + url.QueryEscape("en;DROP"), "lang"},
		{"/api/claims?limit=100000", "limit"},
		{"/api/claims?cursor=bm9wZQ", "cursor"},
		{"/api/claims?actor=" + url.QueryEscape("JPN OR 1=1"), "actor"},
		{"/api/stances?actors=0", "actors"},
		{"/api/entities", "q"},
	} {
		resp, err := http.Get(ts.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		var body struct{ Error, Param string }
		_ = json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if resp.StatusCode != 400 || body.Param != tc.param || body.Error == "" {
			t.Errorf("%s: %d %+v, want 400 naming %s", tc.path, resp.StatusCode, body, tc.param)
		}
	}
	resp, err := http.Get(ts.URL + "/api/nothing")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("an unknown API: %d", resp.StatusCode)
	}
}

func TestPagesAreServedWithTheirAssetsAndStrictHeaders(t *testing.T) {
	ts, _ := testServer(t)
	for _, p := range []string{"/", "/claims", "/actors/JPN", "/graph/JPN", "/live"} {
		resp, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), "<html") {
			t.Errorf("%s: %d", p, resp.StatusCode)
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("%s: CSP %q", p, csp)
		}
	}
	resp, err := http.Get(ts.URL + "/nowhere")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("/nowhere: %d", resp.StatusCode)
	}
	// An asset comes gzipped to whoever takes it, and 304 when unchanged.
	req, _ := http.NewRequest("GET", ts.URL+"/assets/index.html", nil)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("index.html as an asset: %d, want 404 (it is served as the pages)", resp.StatusCode)
	}
	_ = time.Second
}
