package token_test

import (
	"strings"
	"testing"

	"github.com/diplograph/diplograph/services/extractor/token"
)

func texts(toks []token.Token) string {
	var out []string
	for _, t := range toks {
		out = append(out, t.Text)
	}
	return strings.Join(out, " ")
}

func TestEnglishSplitsLikeTheTrainingData(t *testing.T) {
	cases := []struct{ in, want string }{
		{"The U.S.-Japan alliance isn't new.", "The U.S. - Japan alliance is n't new ."},
		{"Russia's \"special operation\", (sic) ended.", "Russia 's \" special operation \" , ( sic ) ended ."},
		{"Mr. Smith met Antony J. Blinken on Jan. 5, 2023.", "Mr. Smith met Antony J. Blinken on Jan. 5 , 2023 ."},
		{"It can't cost $5,000 or 3.5%.", "It ca n't cost $ 5,000 or 3.5 % ."},
		{"the parties' positions", "the parties ' positions"},
	}
	for _, c := range cases {
		toks := token.English(c.in, 0)
		if got := texts(toks); got != c.want {
			t.Errorf("English(%q) = %q, want %q", c.in, got, c.want)
		}
		for _, tk := range toks {
			if c.in[tk.Start:tk.End] != tk.Text {
				t.Errorf("token %q has offsets %d-%d that hold %q", tk.Text, tk.Start, tk.End, c.in[tk.Start:tk.End])
			}
		}
	}
}

func tagged(t *testing.T, s string) []token.Token {
	t.Helper()
	tg, err := token.EnglishTagger()
	if err != nil {
		t.Fatal(err)
	}
	toks := token.English(s, 0)
	tg.Tag(toks)
	return toks
}

func TestTaggerTellsTheVerbFromTheNounAndGivesLemmas(t *testing.T) {
	toks := tagged(t, "The ministers strongly condemned the attacks and reaffirmed their support for Ukraine.")
	want := map[string][2]string{
		"ministers":  {"NOUN", "minister"},
		"condemned":  {"VERB", "condemn"},
		"attacks":    {"NOUN", "attack"},
		"reaffirmed": {"VERB", "reaffirm"},
		"support":    {"NOUN", "support"},
		"Ukraine":    {"PROPN", "ukraine"},
		"strongly":   {"ADV", "strongly"},
	}
	for _, tk := range toks {
		w, ok := want[tk.Text]
		if !ok {
			continue
		}
		if tk.POS.String() != w[0] || tk.Lemma != w[1] {
			t.Errorf("%s: %s %q, want %s %q", tk.Text, tk.POS, tk.Lemma, w[0], w[1])
		}
	}
	toks = tagged(t, "Japan supports Ukraine.")
	if toks[1].POS != token.Verb || toks[1].Lemma != "support" {
		t.Errorf("supports: %s %q, want VERB support", toks[1].POS, toks[1].Lemma)
	}
	// a base form's final e stays (the training lemmas sometimes cut it)
	toks = tagged(t, "Chile hopes that Peru will agree.")
	if toks[1].Lemma != "hope" {
		t.Errorf("hopes: lemma %q, want hope", toks[1].Lemma)
	}
	// a clitic verb, with a straight or a curly apostrophe, is its verb
	// ("It’s unacceptable" as "it is unacceptable"); "’ll" stays as written
	for _, text := range []string{"It’s clear we’re ready and we’ve said so.", "It's clear we're ready and we've said so."} {
		lemmas := map[string]string{}
		for _, tk := range tagged(t, text) {
			lemmas[strings.ReplaceAll(tk.Text, "’", "'")] = tk.Lemma
		}
		if lemmas["'s"] != "be" || lemmas["'re"] != "be" || lemmas["'ve"] != "have" {
			t.Errorf("%s: clitic lemmas %q %q %q, want be be have", text, lemmas["'s"], lemmas["'re"], lemmas["'ve"])
		}
	}
	// and a stem that takes -es keeps its form (go, embargo)
	toks = tagged(t, "The talks on the embargoes goes nowhere.")
	for _, tk := range toks {
		if tk.Text == "embargoes" && tk.Lemma != "embargo" || tk.Text == "goes" && tk.Lemma != "go" {
			t.Errorf("%s: lemma %q", tk.Text, tk.Lemma)
		}
	}
}

func TestPatternsAllowModifiersInsideACue(t *testing.T) {
	ps := token.NewPatterns()
	for i, p := range []string{"express concern", "condemn/V", "call on"} {
		if err := ps.Add(p, int32(i)); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		text string
		want []int32
	}{
		{"The Ministers expressed their deep and serious concern.", []int32{0}},
		{"France strongly and unequivocally condemns the strike.", []int32{1}},
		{"They called firmly on Iran to comply.", []int32{2}},
		{"The condemnation was swift.", nil},
		{"They expressed hope, not concern, for the talks.", nil},
	}
	for _, c := range cases {
		var got []int32
		for _, m := range ps.Find(tagged(t, c.text)) {
			got = append(got, m.Ref)
		}
		if len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) {
			t.Errorf("%q: matched %v, want %v", c.text, got, c.want)
		}
	}
}

func TestALookAheadWordMustFollowButIsNotMatched(t *testing.T) {
	ps := token.NewPatterns()
	if err := ps.Add("sign >agreement", 7); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text    string
		matched string // the cue's words, "" for none
	}{
		{"Chile and Peru signed a free trade agreement on Monday.", "signed"},
		{"Chile signed the visitors' book, and the agreement followed.", ""},
		{"Chile signed an order to build seven new ports along the coast under an agreement.", ""},
	}
	for _, c := range cases {
		toks := tagged(t, c.text)
		got := ""
		for _, m := range ps.Find(toks) {
			for _, tk := range toks[m.Start:m.End] {
				got += tk.Text
			}
		}
		if got != c.matched {
			t.Errorf("%q: matched %q, want %q", c.text, got, c.matched)
		}
	}
	for _, bad := range []string{">agreement sign", "sign >agreement now"} {
		if err := token.NewPatterns().Add(bad, 0); err == nil {
			t.Errorf("%q: accepted, want an error (a look-ahead word comes last)", bad)
		}
	}
}

func TestModelRoundTrips(t *testing.T) {
	data := []token.Sentence{
		{Words: []string{"China", "opposes", "sanctions", "."}, Tags: []string{"NNP", "VBZ", "NNS", "."}, Lemmas: []string{"China", "oppose", "sanction", "."}},
		{Words: []string{"Japan", "supports", "talks", "."}, Tags: []string{"NNP", "VBZ", "NNS", "."}, Lemmas: []string{"Japan", "support", "talk", "."}},
	}
	tg := token.Train(data, token.TrainOptions{Iterations: 3})
	var b strings.Builder
	if _, err := tg.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	back, err := token.ReadTagger(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if a, b := tg.Accuracy(data), back.Accuracy(data); a != b || a < 0.99 {
		t.Errorf("accuracy %v before writing, %v after; want equal and perfect on the training data", a, b)
	}
	if _, err := token.ReadTagger(strings.NewReader("not a model")); err == nil {
		t.Error("ReadTagger accepted junk")
	}
}

func TestChineseRegroupsACharacterStolenFromAName(t *testing.T) {
	c, err := token.NewChinese([]token.Word{{Text: "中方", Tag: "nt"}, {Text: "日方", Tag: "nt"}, {Text: "库珀", Tag: "nr"}, {Text: "珀斯", Tag: "ns"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	wantTokens(t, c, map[string]string{"中方向日方提出严正交涉。": "中方|向|日方", "他在珀斯发表讲话。": "珀斯"})
}

// wantTokens fails the test unless each text's tokens, joined by "|",
// hold the run of tokens given for it.
func wantTokens(t *testing.T, c *token.Chinese, cases map[string]string) {
	t.Helper()
	for text, want := range cases {
		var got []string
		for _, tk := range c.Tokens(text, 0) {
			got = append(got, tk.Text)
		}
		if j := strings.Join(got, "|"); !strings.Contains(j, want) {
			t.Errorf("%s: tokens %s, want %s among them", text, j, want)
		}
	}
}

// The mirror case: a compound of a function word whose last character
// opens one of our words with the single character after it. Our cue 将会
// outweighs the base reading 将 会晤; 对华 outweighs 对 华为.
func TestChineseRegroupsACharacterStolenByAFunctionWord(t *testing.T) {
	c, err := token.NewChinese([]token.Word{{Text: "将会", Tag: "v"}, {Text: "会晤", Tag: "v"}, {Text: "对华", Tag: "v"}, {Text: "华为", Tag: "nt"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	wantTokens(t, c, map[string]string{"外长下周将会晤邻国总理。": "将|会晤|邻国", "该国拟对华为加强审查。": "对|华为|加强"})
}

// Words gse's dictionary does not know get tag "x"; a Chinese word is never
// punctuation, and the common function words take their real tag.
func TestChineseWordsTheDictionaryLacksAreNoPunctuation(t *testing.T) {
	c, err := token.NewChinese(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"他准备和对方无条件举行会谈，并给出了答复。", "几个月来两国关系却没有改善。"} {
		for _, tk := range c.Tokens(text, 0) {
			if tk.POS == token.Punct && strings.ContainsFunc(tk.Text, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
				t.Errorf("%s: %q is tagged punctuation (%s)", text, tk.Text, tk.Tag)
			}
			if tk.Text == "并" && tk.POS != token.Conj {
				t.Errorf("%s: 并 is %v (%s), want a conjunction", text, tk.POS, tk.Tag)
			}
		}
	}
}
