package token

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tagger is an averaged perceptron part-of-speech tagger for English
// (greedy, left to right, Penn Treebank tags), after Collins (2002) and the
// feature set of Honnibal's "A good part-of-speech tagger in about 200
// lines of Python". A trained model is read with ReadTagger; Train makes one.
// Safe for concurrent use once built.
type Tagger struct {
	classes []string
	weights map[string][]classWeight
	tagdict map[string]uint8  // frequent words that always take one tag
	lemmas  map[string]string // lower-case form and lemma class → lemma
}

type classWeight struct {
	class uint8
	w     float32
}

// sentence-boundary context words and tags
const (
	start1, start2 = "-START-", "-START2-"
	end1, end2     = "-END-", "-END2-"
)

// Tag sets Tag, POS and Lemma of each token of one sentence.
func (t *Tagger) Tag(toks []Token) { t.TagWith(toks, nil) }

// TagWith is Tag with some tags known beforehand (the words of a name are
// proper nouns): they are kept, and the words around them are tagged
// knowing them ("the US move": US a name, so move a noun).
func (t *Tagger) TagWith(toks []Token, known map[int]string) {
	words := make([]string, len(toks))
	for i := range toks {
		words[i] = toks[i].Text
	}
	tags := t.tagsWith(words, known)
	for i := range toks {
		toks[i].Tag = tags[i]
		toks[i].POS = coarse(tags[i])
		toks[i].Lemma = t.Lemma(toks[i].Text, tags[i])
	}
}

func (t *Tagger) tags(words []string) []string { return t.tagsWith(words, nil) }

func (t *Tagger) tagsWith(words []string, known map[int]string) []string {
	ctx := context(words)
	out := make([]string, len(words))
	p1, p2 := start1, start2
	scores := make([]float32, len(t.classes))
	var fb featureBuf
	for i, w := range words {
		tag := ""
		if k, ok := known[i]; ok {
			tag = k
		} else if c, ok := t.tagdict[norm(w)]; ok {
			tag = t.classes[c]
		} else {
			for k := range scores {
				scores[k] = 0
			}
			fb.build(i, w, ctx, p1, p2)
			start := 0
			for _, end := range fb.ends {
				for _, cw := range t.weights[string(fb.b[start:end])] { // no allocation: a map index
					scores[cw.class] += cw.w
				}
				start = end
			}
			best := 0
			for k := 1; k < len(scores); k++ {
				if scores[k] > scores[best] || (scores[k] == scores[best] && t.classes[k] < t.classes[best]) {
					best = k
				}
			}
			tag = t.classes[best]
		}
		out[i] = tag
		p2, p1 = p1, tag
	}
	return out
}

// context is the normalised words of a sentence with two boundary words on
// each side.
func context(words []string) []string {
	ctx := make([]string, 0, len(words)+4)
	ctx = append(ctx, start1, start2)
	for _, w := range words {
		ctx = append(ctx, norm(w))
	}
	return append(ctx, end1, end2)
}

// norm maps a word to its feature form: lower case, numbers by shape.
func norm(w string) string {
	digits, letters := 0, 0
	for _, r := range w {
		if r >= '0' && r <= '9' {
			digits++
		} else if unicode.IsLetter(r) {
			letters++
		}
	}
	switch {
	case digits > 0 && letters == 0 && len(w) == 4 && digits == 4:
		return "!YEAR"
	case digits > 0 && letters == 0:
		return "!DIGITS"
	case digits > 0:
		return "!ALNUM"
	}
	return strings.ToLower(w)
}

// shape summarises a word's form: Xx (capitalised), XX (all capitals),
// x (lower), with '.' or '-' marks kept.
func shape(w string) string {
	var b strings.Builder
	last := rune(0)
	for _, r := range w {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c != last {
			b.WriteRune(c)
			last = c
		}
		if b.Len() > 6 {
			break
		}
	}
	return b.String()
}

type featureBuf struct {
	b    []byte
	ends []int
}

func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	k := len(s) - n
	for k > 0 && !utf8.RuneStart(s[k]) {
		k--
	}
	return s[k:]
}

func prefix1(s string) string {
	_, size := utf8.DecodeRuneInString(s)
	return s[:size]
}

// build writes the features of word i (ctx is offset by two) into the
// buffer, one after another: feature k is b[ends[k-1]:ends[k]].
func (fb *featureBuf) build(i int, word string, ctx []string, p1, p2 string) {
	i += 2
	w := ctx[i]
	fb.b, fb.ends = fb.b[:0], fb.ends[:0]
	add := func(parts ...string) {
		for _, p := range parts {
			fb.b = append(fb.b, p...)
		}
		fb.ends = append(fb.ends, len(fb.b))
	}
	add("b")
	add("s3 ", suffix(w, 3))
	add("s2 ", suffix(w, 2))
	add("p1 ", prefix1(w))
	add("t1 ", p1)
	add("t2 ", p2)
	add("t12 ", p1, " ", p2)
	add("w ", w)
	add("t1w ", p1, " ", w)
	add("w-1 ", ctx[i-1])
	add("s-1 ", suffix(ctx[i-1], 3))
	add("w-2 ", ctx[i-2])
	add("w+1 ", ctx[i+1])
	add("s+1 ", suffix(ctx[i+1], 3))
	add("w+2 ", ctx[i+2])
	sh := shape(word)
	add("sh ", sh)
	if i == 2 {
		add("first ", sh)
	}
}

// features returns the features of word i as strings (for training).
func (fb *featureBuf) features(i int, word string, ctx []string, p1, p2 string) []string {
	fb.build(i, word, ctx, p1, p2)
	out := make([]string, len(fb.ends))
	start := 0
	for k, end := range fb.ends {
		out[k] = string(fb.b[start:end])
		start = end
	}
	return out
}

// coarse maps a Penn Treebank tag to a coarse part of speech.
func coarse(tag string) POS {
	switch tag {
	case "NN", "NNS":
		return Noun
	case "NNP", "NNPS":
		return Propn
	case "VB", "VBD", "VBG", "VBN", "VBP", "VBZ":
		return Verb
	case "MD":
		return Aux
	case "JJ", "JJR", "JJS":
		return Adj
	case "RB", "RBR", "RBS", "WRB":
		return Adv
	case "IN":
		return Adp
	case "CC":
		return Conj
	case "DT", "PDT", "WDT":
		return Det
	case "PRP", "PRP$", "WP", "WP$", "EX":
		return Pron
	case "CD":
		return Num
	case "TO", "POS", "RP":
		return Part
	case ".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "$", "#":
		return Punct
	}
	return Other
}

// --- training ---------------------------------------------------------

// Sentence is a tagged sentence for training: words, their tags and,
// where known, their lemmas.
type Sentence struct {
	Words, Tags, Lemmas []string
}

// TrainOptions tune Train.
type TrainOptions struct {
	Iterations int     // passes over the data (default 5)
	Seed       int64   // shuffling
	MinWeight  float32 // averaged weights below this magnitude are dropped (default 0.01)
}

// Train learns a tagger from tagged sentences.
func Train(data []Sentence, opt TrainOptions) *Tagger {
	if opt.Iterations == 0 {
		opt.Iterations = 5
	}
	if opt.MinWeight == 0 {
		opt.MinWeight = 0.01
	}
	t := &Tagger{tagdict: map[string]uint8{}}
	classIdx := map[string]uint8{}
	counts := map[string]map[string]int{}
	for _, s := range data {
		for k, w := range s.Words {
			tag := s.Tags[k]
			if _, ok := classIdx[tag]; !ok {
				classIdx[tag] = 0
			}
			n := norm(w)
			if counts[n] == nil {
				counts[n] = map[string]int{}
			}
			counts[n][tag]++
		}
	}
	for c := range classIdx {
		t.classes = append(t.classes, c)
	}
	sort.Strings(t.classes)
	if len(t.classes) > 255 {
		panic("token: more than 255 tags")
	}
	for i, c := range t.classes {
		classIdx[c] = uint8(i)
	}
	for w, tc := range counts {
		total, best, bestN := 0, "", 0
		for tag, n := range tc {
			total += n
			if n > bestN || (n == bestN && tag < best) {
				best, bestN = tag, n
			}
		}
		if total >= 20 && float64(bestN)/float64(total) >= 0.97 {
			t.tagdict[w] = classIdx[best]
		}
	}
	t.lemmas = learnLemmas(data)
	type acc struct {
		w, total float64
		stamp    int
	}
	weights := map[string]map[uint8]*acc{}
	step := 0
	update := func(truth, guess uint8, feats []string) {
		step++
		if truth == guess {
			return
		}
		for _, f := range feats {
			m := weights[f]
			if m == nil {
				m = map[uint8]*acc{}
				weights[f] = m
			}
			for _, c := range [2]uint8{truth, guess} {
				a := m[c]
				if a == nil {
					a = &acc{}
					m[c] = a
				}
				a.total += float64(step-a.stamp) * a.w
				a.stamp = step
				if c == truth {
					a.w++
				} else {
					a.w--
				}
			}
		}
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	scores := make([]float64, len(t.classes))
	var fb featureBuf
	for it := 0; it < opt.Iterations; it++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, si := range order {
			s := data[si]
			ctx := context(s.Words)
			p1, p2 := start1, start2
			for i, w := range s.Words {
				truth := classIdx[s.Tags[i]]
				guess, known := t.tagdict[norm(w)]
				if !known {
					feats := fb.features(i, w, ctx, p1, p2)
					for k := range scores {
						scores[k] = 0
					}
					for _, f := range feats {
						for c, a := range weights[f] {
							scores[c] += a.w
						}
					}
					best := 0
					for k := 1; k < len(scores); k++ {
						if scores[k] > scores[best] {
							best = k
						}
					}
					guess = uint8(best)
					update(truth, guess, feats)
				}
				p2, p1 = p1, t.classes[guess]
			}
		}
	}
	t.weights = make(map[string][]classWeight, len(weights))
	for f, m := range weights {
		var cws []classWeight
		for c, a := range m {
			total := a.total + float64(step-a.stamp)*a.w
			avg := float32(total / float64(step))
			if float32(math.Abs(float64(avg))) >= opt.MinWeight {
				cws = append(cws, classWeight{c, avg})
			}
		}
		if len(cws) > 0 {
			sort.Slice(cws, func(a, b int) bool { return cws[a].class < cws[b].class })
			t.weights[f] = cws
		}
	}
	return t
}

// learnLemmas keeps, for every form seen at least twice with a lemma that
// the suffix rules would not give, its most frequent lemma.
func learnLemmas(data []Sentence) map[string]string {
	seen := map[string]map[string]int{}
	for _, s := range data {
		if len(s.Lemmas) != len(s.Words) {
			continue
		}
		for i, w := range s.Words {
			lower := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
			k := lemmaKey(lower, lemmaClass(s.Tags[i]))
			if seen[k] == nil {
				seen[k] = map[string]int{}
			}
			seen[k][strings.ToLower(s.Lemmas[i])]++
		}
	}
	out := map[string]string{}
	for k, m := range seen {
		best, bestN, total := "", 0, 0
		for l, n := range m {
			total += n
			if n > bestN || (n == bestN && l < best) {
				best, bestN = l, n
			}
		}
		lower, class := k[:len(k)-2], k[len(k)-1]
		tag := map[byte]string{'N': "NNS", 'P': "NNPS", 'V': "VBD", 'A': "JJ", 'R': "RB", 'O': ""}[class]
		if total >= 2 && best != lemmaRules(lower, tag) && best != lower {
			out[k] = best
		} else if total >= 2 && best == lower && lemmaRules(lower, tag) != lower {
			out[k] = best
		}
	}
	return out
}

// Accuracy returns the share of tokens whose tag the tagger gets right.
func (t *Tagger) Accuracy(data []Sentence) float64 {
	right, all := 0, 0
	for _, s := range data {
		got := t.tags(s.Words)
		for i := range got {
			all++
			if got[i] == s.Tags[i] {
				right++
			}
		}
	}
	if all == 0 {
		return 0
	}
	return float64(right) / float64(all)
}

// --- model file ---------------------------------------------------------

const modelMagic = "diplograph-pos-1\n"

// WriteTo writes the model, gzip-compressed.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	putU := func(x uint64) { n := binary.PutUvarint(buf[:], x); bw.Write(buf[:n]) }
	putS := func(s string) { putU(uint64(len(s))); bw.WriteString(s) }
	bw.WriteString(modelMagic)
	putU(uint64(len(t.classes)))
	for _, c := range t.classes {
		putS(c)
	}
	words := make([]string, 0, len(t.tagdict))
	for w := range t.tagdict {
		words = append(words, w)
	}
	sort.Strings(words)
	putU(uint64(len(words)))
	for _, w := range words {
		putS(w)
		bw.WriteByte(t.tagdict[w])
	}
	keys := make([]string, 0, len(t.lemmas))
	for k := range t.lemmas {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	putU(uint64(len(keys)))
	for _, k := range keys {
		putS(k)
		putS(t.lemmas[k])
	}
	feats := make([]string, 0, len(t.weights))
	for f := range t.weights {
		feats = append(feats, f)
	}
	sort.Strings(feats)
	putU(uint64(len(feats)))
	for _, f := range feats {
		putS(f)
		cws := t.weights[f]
		putU(uint64(len(cws)))
		for _, cw := range cws {
			bw.WriteByte(cw.class)
			binary.LittleEndian.PutUint32(buf[:4], math.Float32bits(cw.w))
			bw.Write(buf[:4])
		}
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return 0, zw.Close()
}

// ReadTagger reads a model written by WriteTo.
func ReadTagger(r io.Reader) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("reading tagger model: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("reading tagger model: not a diplograph tagger model")
	}
	var rerr error
	getU := func() uint64 {
		x, err := binary.ReadUvarint(br)
		if err != nil && rerr == nil {
			rerr = err
		}
		return x
	}
	getS := func() string {
		n := getU()
		if n > 1<<16 {
			rerr = errors.New("string too long")
			return ""
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil && rerr == nil {
			rerr = err
		}
		return string(b)
	}
	getB := func() byte {
		c, err := br.ReadByte()
		if err != nil && rerr == nil {
			rerr = err
		}
		return c
	}
	t := &Tagger{}
	nc := getU()
	for i := uint64(0); i < nc && rerr == nil; i++ {
		t.classes = append(t.classes, getS())
	}
	nd := getU()
	t.tagdict = make(map[string]uint8, nd)
	for i := uint64(0); i < nd && rerr == nil; i++ {
		w := getS()
		t.tagdict[w] = getB()
	}
	nl := getU()
	t.lemmas = make(map[string]string, nl)
	for i := uint64(0); i < nl && rerr == nil; i++ {
		k := getS()
		t.lemmas[k] = getS()
	}
	nf := getU()
	t.weights = make(map[string][]classWeight, nf)
	var b4 [4]byte
	for i := uint64(0); i < nf && rerr == nil; i++ {
		f := getS()
		n := getU()
		cws := make([]classWeight, n)
		for k := range cws {
			cws[k].class = getB()
			if _, err := io.ReadFull(br, b4[:]); err != nil && rerr == nil {
				rerr = err
			}
			cws[k].w = math.Float32frombits(binary.LittleEndian.Uint32(b4[:]))
		}
		t.weights[f] = cws
	}
	if rerr != nil {
		return nil, fmt.Errorf("reading tagger model: %w", rerr)
	}
	for _, c := range t.tagdict {
		if int(c) >= len(t.classes) {
			return nil, errors.New("reading tagger model: tag out of range")
		}
	}
	return t, nil
}
