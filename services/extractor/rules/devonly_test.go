package rules_test

import (
	"bufio"
	"bytes"
	"index/suffixarray"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/diplograph/diplograph/services/extractor/internal/shared"
)

// TestNoPhraseOccursOnlyInTheDevTexts fails when a phrase of the rule
// files (cues, words, topics) or a topic name of the gazetteer occurs in the
// dev documents and nowhere in the bulk corpus: a phrase written for a
// dev sentence, not for the language. The project's own annotated batches
// are drawn from the bulk corpus, so they count with it.
//
// A phrase occurs in a text when its words occur in one sentence, in
// order: Chinese as written, English by word beginnings (cues are lemmas:
// "condemn" stands for condemned, condemning), with "be", articles and a
// few other function words left out.
func TestNoPhraseOccursOnlyInTheDevTexts(t *testing.T) {
	dir := shared.Require(t)
	dev := loadCorpus(t, filepath.Join(dir, "corpus", "dev"), func(p string) bool { return strings.HasSuffix(p, ".txt") })
	bulk := loadCorpus(t, filepath.Join(dir, "corpus", "bulk"), func(p string) bool { return !strings.HasSuffix(p, "SOURCE.md") })
	if len(dev.sentences) < 100 || len(bulk.sentences) < 10000 {
		t.Fatalf("corpora too small: %d dev sentences, %d bulk sentences", len(dev.sentences), len(bulk.sentences))
	}
	labels := vocabularyLabels(t, dir)
	var only []string
	checked := 0
	for _, p := range rulePhrases(t) {
		if labels[strings.ToLower(p.text)] || !dev.has(p.text) {
			continue // the shared vocabulary's own labels are given, not written by us
		}
		checked++
		if !bulk.has(p.text) {
			only = append(only, p.from+": "+p.text)
		}
	}
	t.Logf("%d phrases occur in the dev texts; %d of them nowhere in the bulk corpus", checked, len(only))
	if len(only) > 0 {
		sort.Strings(only)
		t.Errorf("phrases that occur in the dev documents and nowhere in the bulk corpus (fitted to dev, not to the language):\n  %s",
			strings.Join(only, "\n  "))
	}
}

type phrase struct{ from, text string }

// vocabularyLabels reads the English and Chinese labels of the shared
// vocabulary (lower case).
func vocabularyLabels(t *testing.T, dir string) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "corpus", "vocab.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Split(line, "\t"); len(f) >= 4 {
			out[strings.ToLower(f[2])], out[f[3]] = true, true
		}
	}
	return out
}

// rulePhrases reads the phrases of the rule files and the gazetteer's topics.
func rulePhrases(t *testing.T) []phrase {
	t.Helper()
	var out []phrase
	add := func(from, field string) {
		for _, p := range strings.Split(field, "|") {
			p = strings.TrimSpace(p)
			for _, suf := range []string{"/V", "/N", "/A"} {
				p = strings.ReplaceAll(p, suf, "")
			}
			if p != "" {
				out = append(out, phrase{from, p})
			}
		}
	}
	rows := func(label, path string, cols ...int) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if line == "" || strings.HasPrefix(line, "#") || i == 0 && !strings.Contains(path, "words") {
				continue
			}
			f := strings.Split(line, "\t")
			for _, c := range cols {
				if c < len(f) {
					add(label, f[c])
				}
			}
		}
	}
	data, err := os.ReadFile("cues.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Split(line, "\t"); len(f) >= 8 && !strings.HasPrefix(line, "#") && f[0] != "rule" {
			add("rules/cues.tsv", f[7])
		}
	}
	rows("rules/words.tsv", "words.tsv", 2)
	rows("rules/topics.tsv", "topics.tsv", 2)
	rows("lexicon/data/topics.tsv", filepath.Join("..", "..", "..", "lexicon", "data", "topics.tsv"), 1, 2, 4)
	if len(out) < 500 {
		t.Fatalf("only %d phrases read from the rule files", len(out))
	}
	return out
}

// corpus is a set of texts cut into sentences, with an index for Chinese
// substrings and one for English words.
type corpus struct {
	sentences []string // lower case
	zh        *suffixarray.Index
	zhText    []byte
	words     map[string][]int32 // English word → sentences that hold it
	vocab     []string           // sorted keys of words
}

var (
	tags     = regexp.MustCompile(`<[^>]*>|&[a-z]+;|&#[0-9]+;`)
	sentEnds = regexp.MustCompile(`[.!?;。！？；\n]+`)
)

func loadCorpus(t *testing.T, root string, keep func(string) bool) *corpus {
	t.Helper()
	c := &corpus{words: map[string][]int32{}}
	seen := map[string]bool{}
	var zh bytes.Buffer
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !keep(path) || strings.HasSuffix(path, ".gold.json") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := strings.ToLower(tags.ReplaceAllString(string(data), " "))
		for _, s := range sentEnds.Split(text, -1) {
			if len(s) < 8 || seen[s] {
				continue // the feed's versions repeat their items
			}
			seen[s] = true
			id := int32(len(c.sentences))
			c.sentences = append(c.sentences, s)
			zh.WriteString(s)
			zh.WriteByte('\n')
			sc := bufio.NewScanner(strings.NewReader(s))
			sc.Split(bufio.ScanWords)
			for sc.Scan() {
				w := strings.TrimFunc(sc.Text(), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
				if w == "" || hasHan(w) {
					continue
				}
				if ids := c.words[w]; len(ids) == 0 || ids[len(ids)-1] != id {
					c.words[w] = append(ids, id)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("reading %s: %v", root, err)
	}
	c.zhText = zh.Bytes()
	c.zh = suffixarray.New(c.zhText)
	for w := range c.words {
		c.vocab = append(c.vocab, w)
	}
	sort.Strings(c.vocab)
	return c
}

var function = map[string]bool{"be": true, "the": true, "a": true, "an": true, "of": true, "to": true, "and": true, "in": true,
	"on": true, "for": true, "with": true, "by": true, "its": true, "their": true, "or": true, "at": true, "'s": true, "’s": true}

// has reports a phrase whose words occur in one sentence, in order.
func (c *corpus) has(p string) bool {
	p = strings.ToLower(strings.ReplaceAll(p, ">", "")) // a look-ahead word is a word of the phrase
	if hasHan(p) {
		for _, part := range strings.Fields(p) { // "表示 反对": words of a pattern
			if len(c.zh.Lookup([]byte(part), 1)) == 0 {
				return false
			}
		}
		if f := strings.Fields(p); len(f) > 1 {
			return c.zhTogether(f)
		}
		return true
	}
	var ws []string
	for _, w := range strings.FieldsFunc(p, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' }) {
		if !function[w] {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 {
		return true
	}
	// the sentences holding every word (by its beginning: lemmas)
	var in map[int32]bool
	for _, w := range ws {
		next := map[int32]bool{}
		i := sort.SearchStrings(c.vocab, w)
		for ; i < len(c.vocab) && strings.HasPrefix(c.vocab[i], w) && len(c.vocab[i]) <= len(w)+4; i++ {
			for _, id := range c.words[c.vocab[i]] {
				if in == nil || in[id] {
					next[id] = true
				}
			}
		}
		if len(next) == 0 {
			return false
		}
		in = next
	}
	for id := range in {
		if inOrder(c.sentences[id], ws) {
			return true
		}
	}
	return false
}

// zhTogether reports the parts of a Chinese pattern in one sentence, in order.
func (c *corpus) zhTogether(parts []string) bool {
	for _, off := range c.zh.Lookup([]byte(parts[0]), -1) {
		start := bytes.LastIndexByte(c.zhText[:off], '\n') + 1
		end := bytes.IndexByte(c.zhText[off:], '\n')
		if end < 0 {
			end = len(c.zhText) - off
		}
		if inOrder(string(c.zhText[start:off+end]), parts) {
			return true
		}
	}
	return false
}

func inOrder(s string, ws []string) bool {
	at := 0
	for _, w := range ws {
		i := strings.Index(s[at:], w)
		if i < 0 {
			return false
		}
		at += i + len(w)
	}
	return true
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
