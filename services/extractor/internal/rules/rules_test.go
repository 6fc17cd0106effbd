package rules

import (
	"strings"
	"testing"
	"testing/fstest"

	rulefiles "github.com/diplograph/diplograph/services/extractor/rules"
)

func TestLoadReadsTheEmbeddedRules(t *testing.T) {
	s, err := Load(rulefiles.FS)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]map[string]bool{"zh": {}, "en": {}}
	for _, c := range s.Cues {
		seen[c.Lang][c.Predicate] = true
	}
	for _, lang := range []string{"zh", "en"} {
		for _, p := range Predicates {
			if !seen[lang][p] {
				t.Errorf("no %s cue for %s", lang, p)
			}
		}
	}
	if len(s.Version) != 12 {
		t.Errorf("version %q", s.Version)
	}
}

func TestLoadRejectsBadRows(t *testing.T) {
	header := "rule\tlang\tpredicate\tframe\tmodality\ttarget\tconfidence\tcues\n"
	cases := map[string]string{
		"unknown predicate": "x\tzh\tpraise\tstance\t\tnone\t0.9\t赞\n",
		"unknown frame":     "x\tzh\tsupport\tshout\t\tnone\t0.9\t赞\n",
		"unknown target":    "x\tzh\tsupport\tstance\t\tsomewhere\t0.9\t赞\n",
		"bad confidence":    "x\tzh\tsupport\tstance\t\tnone\t1.5\t赞\n",
		"no cues":           "x\tzh\tsupport\tstance\t\tnone\t0.9\t\n",
		"too many fields":   "x\tzh\tsupport\tstance\t\tnone\t0.9\t赞\textra\n",
	}
	for name, row := range cases {
		t.Run(name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"cues.tsv":      {Data: []byte(header + row)},
				"modifiers.tsv": {Data: []byte("lang\tkind\tphrases\tvalue\n")},
				"topics.tsv":    {Data: []byte("topic\tlang\tphrases\n")},
			}
			_, err := Load(fsys)
			if err == nil || !strings.Contains(err.Error(), "cues.tsv:") {
				t.Fatalf("err %v, want an error naming the file and line", err)
			}
		})
	}
}
