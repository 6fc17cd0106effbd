package mention

import "testing"

func TestFindMatchesLatinAndHanPhrases(t *testing.T) {
	b := NewBuilder()
	for i, p := range []string{"Japan", "UK", "at", "to", "opposition", "stated", "中国", "反对", "the four Ministers", "US"} {
		b.Add(p, Payload{Kind: 1, Ref: int32(i)})
	}
	m, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	text := "At the outset, the four Ministers stated that Japan and the UK voiced opposition to us; 中国反对"
	got := m.Find(text)
	var phrases []string
	for _, g := range got {
		phrases = append(phrases, text[g.Start:g.End])
	}
	want := []string{"At", "the four Ministers", "stated", "Japan", "UK", "opposition", "to", "中国", "反对"}
	if len(phrases) != len(want) {
		t.Fatalf("got %q, want %q", phrases, want)
	}
	for i := range want {
		if phrases[i] != want[i] {
			t.Fatalf("got %q, want %q", phrases, want)
		}
	}
}

func TestFindPrefersLongestAcrossSharedPrefixes(t *testing.T) {
	b := NewBuilder()
	for i, p := range []string{"rules-based order", "rule of law", "of", "peace", "Peace Formula", "security", "US", "us"} {
		b.Add(p, Payload{Kind: 1, Ref: int32(i)})
	}
	m, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	text := "promote peace, security, the rule of law"
	var got []string
	for _, g := range m.Find(text) {
		got = append(got, text[g.Start:g.End])
	}
	if len(got) != 3 || got[2] != "rule of law" {
		t.Fatalf("got %q", got)
	}
}

func TestMixedCaseAbbreviationMatchesOnlyAsWritten(t *testing.T) {
	b := NewBuilder()
	for i, p := range []string{"LeT", "Iran"} {
		b.Add(p, Payload{Kind: 1, Ref: int32(i)})
	}
	m, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	text := "Let me say that LeT and IRAN and iran were named."
	var got []string
	for _, g := range m.Find(text) {
		got = append(got, text[g.Start:g.End])
	}
	want := []string{"LeT", "IRAN", "iran"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
}
