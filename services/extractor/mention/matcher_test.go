package mention

import (
	"strings"
	"testing"
)

func TestFindMatchesLatinAndHanPhrases(t *testing.T) {
	m := matcherOf(t, "Japan", "UK", "at", "to", "opposition", "stated", "中国", "反对", "the four Ministers", "US")
	text := "At the outset, the four Ministers stated that Japan and the UK voiced opposition to us; 中国反对"
	phrases := found(m, text)
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
	m := matcherOf(t, "rules-based order", "rule of law", "of", "peace", "Peace Formula", "security", "US", "us")
	text := "promote peace, security, the rule of law"
	got := found(m, text)
	if len(got) != 3 || got[2] != "rule of law" {
		t.Fatalf("got %q", got)
	}
}

func TestMixedCaseAbbreviationMatchesOnlyAsWritten(t *testing.T) {
	m := matcherOf(t, "LeT", "Iran")
	text := "Let me say that LeT and IRAN and iran were named."
	got := found(m, text)
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

func TestHanNameMatchesWithOrWithoutItsDots(t *testing.T) {
	b := NewBuilder()
	b.Add("冯德莱恩", Payload{Kind: 1, Ref: 0})
	b.Add("中国", Payload{Kind: 1, Ref: 1})
	m, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"主席冯·德·莱恩表示", "冯·德·莱恩"},
		{"主席冯•德•莱恩表示", "冯•德•莱恩"},
		{"主席冯德莱恩表示", "冯德莱恩"},
		{"中国·", "中国"}, // a dot after the name is not part of it
	} {
		got := m.Find(tc.text)
		if len(got) != 1 || tc.text[got[0].Start:got[0].End] != tc.want {
			t.Errorf("%s: got %v, want %q", tc.text, got, tc.want)
		}
	}
}

func TestNameVariantsSpellOutUNAndCurlApostrophes(t *testing.T) {
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"UN Framework Convention on Climate Change", []string{"United Nations Framework Convention on Climate Change"}},
		{"United Nations Security Council", []string{"UN Security Council"}},
		{"Democratic People's Republic of Korea", []string{"Democratic People’s Republic of Korea"}},
		{"Da'esh", []string{"Da’esh"}},
		{"NATO", nil},
		{"联合国", nil},
	} {
		got := nameVariants(tc.name)
		if len(got) != len(tc.want) {
			t.Fatalf("%q: got %q, want %q", tc.name, got, tc.want)
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: got %q, want %q", tc.name, got, tc.want)
			}
		}
	}
}

func TestPlausibleLatinNameNeedsAWordThatIsNoUsualWord(t *testing.T) {
	for name, want := range map[string]bool{
		"Jane Whitfield": true, "Gordon Brown": true, "Toloui": true, "Ned Price": true,
		"Distinguished Delegates": false, "Future Summit": false, "Debate": false,
	} {
		if got := plausibleLatinName(name); got != want {
			t.Errorf("plausibleLatinName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestFullNameEndTakesTheFamilyNamesWrittenAfterAKnownName(t *testing.T) {
	for _, tc := range []struct{ text, known, want string }{
		{"President Luis Abinader Corona of the Dominican Republic", "Luis Abinader", "Luis Abinader Corona"},
		{"met Laurentino Cortizo Cohen, the president", "Laurentino Cortizo", "Laurentino Cortizo Cohen"},
		{"Joe Biden Monday said", "Joe Biden", "Joe Biden"},              // a weekday is no name
		{"Joe Biden Administration officials", "Joe Biden", "Joe Biden"}, // no name ends there
		{"Joe Biden.", "Joe Biden", "Joe Biden"},
	} {
		start := strings.Index(tc.text, tc.known)
		got := tc.text[start:FullNameEnd(tc.text, start+len(tc.known))]
		if got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestLatinNamesMatchWithOrWithoutDiacritics(t *testing.T) {
	m := matcherOf(t, "Philemon Yang", "Łukasz Wróbel", "São Tomé")
	text := "Philémon Yang met Lukasz Wrobel and PHILEMON YANG in Sao Tome."
	got := found(m, text)
	want := []string{"Philémon Yang", "Lukasz Wrobel", "PHILEMON YANG", "Sao Tome"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
	if p := m.Lookup("Philémon Yang"); len(p) != 1 || p[0].Ref != 0 {
		t.Errorf("Lookup(Philémon Yang) = %v", p)
	}
	// a Han phrase is untouched
	if foldRune('中') != '中' || foldRune('É') != 'e' || foldRune('ł') != 'l' {
		t.Error("foldRune folds the wrong runes")
	}
}

func TestAFoldedNameWrittenInLowerCaseIsAWord(t *testing.T) {
	m := matcherOf(t, "Malé", "Tomé")
	got := found(m, "a male nurse flew to Male and Malé; tome and Tome")
	want := []string{"Male", "Malé", "Tome"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestAnAliasOpeningOnTheYieldsToALongerNameAfterIt(t *testing.T) {
	m := matcherOf(t, "the UN", "UN Human Rights Council")
	got := found(m, "He told the UN Human Rights Council and the UN.")
	want := []string{"UN Human Rights Council", "the UN"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// matcherOf builds a matcher of the phrases, each with Ref its index.
func matcherOf(t *testing.T, phrases ...string) *Matcher {
	t.Helper()
	b := NewBuilder()
	for i, p := range phrases {
		b.Add(p, Payload{Kind: 1, Ref: int32(i)})
	}
	m, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// found is the text of every match of m in text, in order.
func found(m *Matcher, text string) []string {
	var out []string
	for _, g := range m.Find(text) {
		out = append(out, text[g.Start:g.End])
	}
	return out
}

func TestAcronymAndWordSharingANodeKeepTheirOwnPayloads(t *testing.T) {
	// "US" (an acronym, matched only as written) and "us" (a word, in any
	// case) end at the same trie node: "us" is the word alone, "US" both
	b := NewBuilder()
	b.Add("US", Payload{Kind: 1, Ref: 7})
	b.Add("us", Payload{Kind: 1, Ref: 8})
	b.Add("Japan", Payload{Kind: 1, Ref: 9})
	m, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	text := "Japan told us that the US would come"
	var got []string
	for _, g := range m.Find(text) {
		var refs []string
		for _, p := range g.Payloads {
			refs = append(refs, string(rune('0'+p.Ref)))
		}
		got = append(got, text[g.Start:g.End]+"="+strings.Join(refs, ","))
	}
	want := []string{"Japan=9", "us=8", "US=7,8"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("got %q, want %q", got, want)
	}
}
