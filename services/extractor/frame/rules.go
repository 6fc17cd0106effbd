// Package frame is the extractor's seventh stage, where the rules live: a
// cue (a predicate word or phrase, matched on lemmas with modifiers allowed
// inside) opens a frame with a subject slot (who holds the claim), the cue
// itself (predicate, negation, modality, intensity), an object slot (the
// target and topic) and the scopes it stands in (a condition, a question,
// a quotation, reported speech).
//
// The rules are data: rules/cues.tsv (the cues and how each reads its
// clause), rules/words.tsv (word classes: negation, reporting verbs,
// conditions, the words that stand for parties …) and rules/topics.tsv
// (further topic phrases). Their golden cases are in rules/*.yaml.
package frame

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
)

// Predicates are the claim predicates of the guidelines.
var Predicates = []string{"oppose", "support", "condemn", "concern", "call_on", "welcome", "agree", "commit"}

// Kinds say how a cue reads its clause.
var Kinds = map[string]string{
	"stance":     "the object follows the cue (in Chinese it may stand in 对…表示 before it)",
	"call":       "the party called on follows the cue; stances inside the call are part of it",
	"agree":      "what the parties agree on follows; stances inside it are part of the agreement",
	"commit":     "a commitment (will, plan, pledge); a stance cue inside its object states the claim instead",
	"report":     "an emphasis or reaffirmation: a cue inside its object states the claim; else support of a principle",
	"should":     "X should …: the speaker calls on X; an impersonal obligation is support",
	"need":       "an impersonal necessity (the need to …, 有必要): support of what is needed",
	"hope":       "hope that X will …: call on X; hope to … (its own wish): no claim",
	"right":      "X has the right to …: support, target X",
	"importance": "the importance of X: support (commit when the text gives a year)",
	"pre":        "the object precedes the cue (X is inseparable, X 至关重要)",
	"accuse":     "X violates …: the speaker condemns X",
	"advance":    "a verb that advances its object (promote, ensure, 促进): support of it, or part of a commitment that governs it",
	"purpose":    "a purpose (to realise X, 为了X): support of X by the clause's subject, a claim of its own",
}

// Targets say where a cue finds its target.
var Targets = map[string]bool{"object": true, "adjacent": true, "all": true, "relation": true, "before": true, "none": true}

// Rule is one cue rule.
type Rule struct {
	ID         string
	Lang       string
	Predicate  string
	Kind       string
	Target     string
	Modality   string
	Confidence float64
	Cues       []string
}

// Word is a phrase of a word class (words.tsv).
type Word struct {
	Lang, Kind, Phrase, Value string
}

// TopicPhrase is a further phrase for a topic (topics.tsv).
type TopicPhrase struct {
	Topic, Lang string
	Phrases     []string
}

// Set is a loaded rule set.
type Set struct {
	Rules  []Rule
	Words  []Word
	Topics []TopicPhrase
	// Version is a short hash of the rule files' contents.
	Version string
}

// Files are the rule files Load reads.
var Files = []string{"cues.tsv", "words.tsv", "topics.tsv"}

// WordKinds are the word classes of words.tsv.
var WordKinds = map[string]string{
	"negation": "before a cue: the claim is negated", "hypothetical": "before a cue: only supposed (could, might), no claim",
	"high": "intensity", "low": "intensity",
	"collective": "stands for the parties of a meeting or statement", "self": "we: the speaker's state, else the parties",
	"pronoun": "he, she: the person named before", "all": "all parties: calls on no one in particular",
	"say": "reports the speaker's own position", "affirm": "states a stance as one's own or one's state's: the owner of a stance noun after it holds it (reaffirmed the U.S. commitment)", "allege": "characterises another's position (claimed)",
	"accuse": "accuses another (accused, 指责): the speaker condemns", "deny": "denies what follows",
	"refuse": "refuses to do what follows", "believe": "the speaker's judgement", "media": "an outlet's report (according to)",
	"cond": "opens a condition", "sub": "opens a new clause after a comma", "object": "a preposition: the party after it is an object",
	"relation": "with, to: the party after it is a partner or addressee", "setting": "in, at: the place after it is the setting",
	"year": "a relative year (value: offset from the publication year)", "extend": "continues the clause before (including)",
	"negative": "topics no one supports by mere emphasis", "harm": "topics that name a harm: supporting one, with no party supported, is an accusation or a description, not the holder's aim", "relational": "topics that name what one party does to or for another (aggression, self-defence): a claim on one names that party, or is none", "principle": "topics that name a norm (the UN Charter, international law): a commitment to one with no party named is support of it", "imposed": "measures taken against a party (sanctions): imposing, backing or deploring one with no party named is no claim; a call for one or opposition to it stands alone", "about": "about, on: introduces what a concern or call is about",
	"signatories": "introduces the states that joined a statement (joined by, 联署)",
	"attendees":   "opens the list of who took part in a meeting (participants included, 与会的有)",
	"members":     "introduces the members of the group a joint statement speaks for (The Group includes: A, B, C)",
	"meet":        "a meeting verb: the parties before and after it are the sides", "joint": "marks a text the parties issue together",
	"refer":     "refers back to what was just named (this move, 此举)",
	"aggressor": "an act against a state whose doer goes without saying (value: the doer)", "speaker": "a word for an official who speaks (official, spokesperson)",
}

// Load reads the rule files from fsys.
func Load(fsys fs.FS) (*Set, error) {
	s := &Set{}
	h := sha256.New()
	for _, name := range Files {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("reading rule file %s: %w", name, err)
		}
		h.Write([]byte(name))
		h.Write(data)
		switch name {
		case "cues.tsv":
			err = readTSV(name, data, func(line int, f map[string]string) error {
				r := Rule{ID: f["rule"], Lang: f["lang"], Predicate: f["predicate"], Kind: f["frame"], Target: f["target"], Modality: f["modality"]}
				if r.ID == "" || r.Lang == "" {
					return fmt.Errorf("%s:%d: rule and lang are required", name, line)
				}
				if !validPredicate(r.Predicate) {
					return fmt.Errorf("%s:%d: unknown predicate %q", name, line, r.Predicate)
				}
				if _, ok := Kinds[r.Kind]; !ok {
					return fmt.Errorf("%s:%d: unknown frame %q", name, line, r.Kind)
				}
				if !Targets[r.Target] {
					return fmt.Errorf("%s:%d: unknown target %q", name, line, r.Target)
				}
				r.Confidence = 0.8
				if v := f["confidence"]; v != "" {
					x, err := strconv.ParseFloat(v, 64)
					if err != nil || x < 0 || x > 1 {
						return fmt.Errorf("%s:%d: confidence %q is not a number in [0,1]", name, line, v)
					}
					r.Confidence = x
				}
				r.Cues = split(f["cues"])
				if len(r.Cues) == 0 {
					return fmt.Errorf("%s:%d: rule %s has no cues", name, line, r.ID)
				}
				for _, o := range s.Rules {
					if o.ID == r.ID {
						return fmt.Errorf("%s:%d: rule %s is defined twice", name, line, r.ID)
					}
				}
				s.Rules = append(s.Rules, r)
				return nil
			})
		case "words.tsv":
			err = readTSV(name, data, func(line int, f map[string]string) error {
				if _, ok := WordKinds[f["kind"]]; !ok {
					return fmt.Errorf("%s:%d: unknown word kind %q", name, line, f["kind"])
				}
				for _, p := range split(f["phrases"]) {
					s.Words = append(s.Words, Word{Lang: f["lang"], Kind: f["kind"], Phrase: p, Value: f["value"]})
				}
				return nil
			})
		case "topics.tsv":
			err = readTSV(name, data, func(line int, f map[string]string) error {
				if !strings.HasPrefix(f["topic"], "topic:") {
					return fmt.Errorf("%s:%d: %q is not a topic id", name, line, f["topic"])
				}
				s.Topics = append(s.Topics, TopicPhrase{Topic: f["topic"], Lang: f["lang"], Phrases: split(f["phrases"])})
				return nil
			})
		}
		if err != nil {
			return nil, err
		}
	}
	s.Version = hex.EncodeToString(h.Sum(nil))[:12]
	return s, nil
}

// WordsOf returns the phrases of one kind and language ("*" matches every language).
func (s *Set) WordsOf(lang, kind string) []Word {
	var out []Word
	for _, w := range s.Words {
		if w.Kind == kind && (w.Lang == lang || w.Lang == "*" || lang == "*") {
			out = append(out, w)
		}
	}
	return out
}

func validPredicate(p string) bool {
	for _, q := range Predicates {
		if p == q {
			return true
		}
	}
	return false
}

func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// readTSV calls fn for each data row of a TSV file with a header line,
// skipping blank lines and '#' comments.
func readTSV(name string, data []byte, fn func(line int, fields map[string]string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var header []string
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if header == nil {
			header = cols
			continue
		}
		if len(cols) > len(header) {
			return fmt.Errorf("%s:%d: %d fields, header has %d", name, line, len(cols), len(header))
		}
		f := make(map[string]string, len(header))
		for i, c := range cols {
			f[header[i]] = strings.TrimSpace(c)
		}
		if err := fn(line, f); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	if header == nil {
		return fmt.Errorf("%s: %w", name, errors.New("no header line"))
	}
	return nil
}
