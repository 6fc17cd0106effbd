package extract

import (
	"context"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/schemas"
)

// A realistic paragraph of our own, in the style of a joint statement report.
const benchZh = `<p>11月20日，第三次法德外长战略对话在柏林举行。双方会后发表联合声明，确认将为了实现可持续发展而加强在气候领域合作，包括对德国计划2026年向非洲派遣专家团一事提供支持等。</p>
<p>据德国外交部介绍，会谈持续了约两个小时。两位外长共同认识到，欧洲的安全与繁荣是不可分割的，并强调他们坚决反对任何以武力或胁迫改变现状的单方面企图。此外，两位外长表示强烈谴责针对平民的恐怖袭击，对中东局势表示严重关切，呼吁有关各方尽快实现停火。</p>
<p>双方同意在经济安全、能源安全和粮食安全等领域密切合作，并欢迎两国企业在新能源领域取得的进展。德方表示将继续大力支持乌克兰，敦促俄罗斯立即撤军。</p>`

const benchEn = `<p>The two Ministers reaffirmed their commitment to a free and open international order based on the rule of law. They stressed their strong opposition to any unilateral attempts to change the status quo by force or coercion, and expressed serious concern about the situation in the South China Sea.</p>
<p>Both sides condemned the terrorist attacks and called on all parties to respect international law. France plans to deploy a frigate to the Indo-Pacific in 2026, and Germany will continue to support Ukraine. The Ministers welcomed progress on economic security and agreed to cooperate closely on energy security.</p>`

func benchEngine(b *testing.B) *Engine {
	b.Helper()
	e, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	return e
}

func BenchmarkExtractZh(b *testing.B) {
	e := benchEngine(b)
	pub := time.Date(2024, 11, 21, 8, 0, 0, 0, time.UTC) // feed items carry their publication time
	a := schemas.Article{Name: "bench-zh", Format: schemas.FormatHTML, Body: benchZh, Published: &pub}
	b.SetBytes(int64(len(benchZh)))
	for b.Loop() {
		e.Extract(a)
	}
}

func BenchmarkExtractEn(b *testing.B) {
	e := benchEngine(b)
	pub := time.Date(2024, 11, 21, 8, 0, 0, 0, time.UTC)
	a := schemas.Article{Name: "bench-en", Format: schemas.FormatHTML, Body: benchEn, Published: &pub}
	b.SetBytes(int64(len(benchEn)))
	for b.Loop() {
		e.Extract(a)
	}
}

// BenchmarkSegmentFloorZh is the floor for BenchmarkExtractZh: gse Segment
// alone on the same clean text with the same dictionary.
func BenchmarkSegmentFloorZh(b *testing.B) {
	e := benchEngine(b)
	text, err := clean(schemas.Article{Format: schemas.FormatHTML, Body: benchZh})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(benchZh)))
	for b.Loop() {
		e.segment([]byte(text))
	}
}

func TestBenchExtractReportsTheMedianRoundAgainstItsFloor(t *testing.T) {
	e := testEngine(t)
	docs := []schemas.Article{
		{Name: "a", Format: schemas.FormatHTML, Body: benchZh},
		{Name: "b", Format: schemas.FormatHTML, Body: benchEn},
		{Name: "c", Format: schemas.FormatText, Body: ""},
	}
	r, err := BenchExtract(context.Background(), e, docs, runtime.NumCPU(), 3)
	if err != nil {
		t.Fatal(err)
	}
	if r.Docs != 3 || r.Errors != 1 || r.ExtractDocsPerS <= 0 || r.FloorDocsPerS <= 0 || len(r.Rounds) != 3 {
		t.Fatalf("unexpected result: %+v", r)
	}
	// the reported times are the median round's, not the best
	var ex []time.Duration
	for _, rd := range r.Rounds {
		ex = append(ex, rd.Extract)
	}
	slices.Sort(ex)
	if r.Extract != ex[1] {
		t.Fatalf("extract time %v is not the median of %v", r.Extract, ex)
	}
	if !(r.Min <= r.ThroughputVsFloor && r.ThroughputVsFloor <= r.Max) || r.Min <= 0 {
		t.Fatalf("ratio %v outside its range %v–%v", r.ThroughputVsFloor, r.Min, r.Max)
	}
	if out := r.String(); !strings.Contains(out, FloorName) || !strings.Contains(out, "median") {
		t.Fatalf("the report does not name its floor and round: %s", out)
	}
}
