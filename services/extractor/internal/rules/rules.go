// Package rules parses the extractor's rule files: predicate cues, modifiers
// (negation, intensity, collective subjects, prepositions, relative years)
// and extra topic cue phrases. Rules are data; the engine reads them.
package rules

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

// Frames say how a cue reads its clause (see cues.tsv).
var Frames = map[string]bool{"stance": true, "absorb": true, "weak": true, "modal": true, "hope": true, "should": true, "right": true, "importance": true, "pre": true, "accuse": true}

// Targets say where a cue finds its target (see cues.tsv).
var Targets = map[string]bool{"adjacent": true, "first": true, "all": true, "relation": true, "before": true, "subject": true, "none": true}

// Cue is one rule: the surface forms that fire it and how it reads its clause.
type Cue struct {
	Rule       string
	Lang       string
	Predicate  string
	Frame      string
	Modality   string
	Target     string
	Confidence float64
	Forms      []string
}

// Modifier is a word of a kind listed in modifiers.tsv.
type Modifier struct {
	Lang, Kind, Phrase, Value string
}

// TopicCue is an extra phrase for a topic.
type TopicCue struct {
	Topic, Lang string
	Phrases     []string
}

// Set is a loaded rule set.
type Set struct {
	Cues      []Cue
	Modifiers []Modifier
	Topics    []TopicCue
	// Version is a short hash of the rule files' contents.
	Version string
}

// Files are the rule files Load reads.
var Files = []string{"cues.tsv", "modifiers.tsv", "topics.tsv"}

var modifierKinds = map[string]bool{"negation": true, "high": true, "low": true, "collective": true, "self": true, "person": true,
	"reporter": true, "object": true, "relation": true, "setting": true, "year": true, "extend": true, "all": true, "block": true, "negative": true}

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
				c := Cue{Rule: f["rule"], Lang: f["lang"], Predicate: f["predicate"], Frame: f["frame"], Modality: f["modality"], Target: f["target"]}
				if c.Rule == "" || c.Lang == "" {
					return fmt.Errorf("%s:%d: rule and lang are required", name, line)
				}
				if !validPredicate(c.Predicate) {
					return fmt.Errorf("%s:%d: unknown predicate %q", name, line, c.Predicate)
				}
				if !Frames[c.Frame] {
					return fmt.Errorf("%s:%d: unknown frame %q", name, line, c.Frame)
				}
				if !Targets[c.Target] {
					return fmt.Errorf("%s:%d: unknown target %q", name, line, c.Target)
				}
				c.Confidence = 0.8
				if v := f["confidence"]; v != "" {
					x, err := strconv.ParseFloat(v, 64)
					if err != nil || x < 0 || x > 1 {
						return fmt.Errorf("%s:%d: confidence %q is not a number in [0,1]", name, line, v)
					}
					c.Confidence = x
				}
				c.Forms = split(f["cues"])
				if len(c.Forms) == 0 {
					return fmt.Errorf("%s:%d: rule %s has no cues", name, line, c.Rule)
				}
				s.Cues = append(s.Cues, c)
				return nil
			})
		case "modifiers.tsv":
			err = readTSV(name, data, func(line int, f map[string]string) error {
				if !modifierKinds[f["kind"]] {
					return fmt.Errorf("%s:%d: unknown modifier kind %q", name, line, f["kind"])
				}
				for _, p := range split(f["phrases"]) {
					s.Modifiers = append(s.Modifiers, Modifier{Lang: f["lang"], Kind: f["kind"], Phrase: p, Value: f["value"]})
				}
				return nil
			})
		case "topics.tsv":
			err = readTSV(name, data, func(line int, f map[string]string) error {
				if !strings.HasPrefix(f["topic"], "topic:") {
					return fmt.Errorf("%s:%d: %q is not a topic id", name, line, f["topic"])
				}
				s.Topics = append(s.Topics, TopicCue{Topic: f["topic"], Lang: f["lang"], Phrases: split(f["phrases"])})
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
