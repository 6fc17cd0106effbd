package dashboard

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

func TestParseFilterReadsWhatTheAPIDocuments(t *testing.T) {
	cases := []struct {
		name  string
		query string
		want  Filter
		bad   string // the parameter a bad query names
	}{
		{"nothing matches every claim", "", Filter{}, ""},
		{"a year is its first and last day", "from=2024&to=2024", Filter{From: "2024-01-01", To: "2024-12-31"}, ""},
		{"a month ends on its last day", "from=2024-02&to=2024-02", Filter{From: "2024-02-01", To: "2024-02-29"}, ""},
		{"days are kept", "from=2024-03-12&to=2024-03-12", Filter{From: "2024-03-12", To: "2024-03-12"}, ""},
		{"ids of every form", "actor=org:eu&target=CHN&topic=topic:economic-coercion&object=place:south-china-sea&source=rfi-zh&lang=zh&predicate=call_on",
			Filter{Predicate: "call_on", Actor: "org:eu", Target: "CHN", Topic: "topic:economic-coercion", Object: "place:south-china-sea", Lang: "zh", Source: "rfi-zh"}, ""},
		{"an unknown predicate", "predicate=likes", Filter{}, "predicate"},
		{"a date that is not one", "from=2024-13-01", Filter{}, "from"},
		{"an end before the start", "from=2025&to=2024", Filter{}, "to"},
		{"a language that is not a code", "lang=English", Filter{}, "lang"},
		{"an id with a space", "actor=" + url.QueryEscape("JPN OR 1=1"), Filter{}, "actor"},
		{"an id far too long", "topic=" + strings.Repeat("x", 201), Filter{}, "topic"},
		{"a control character", "source=a%00b", Filter{}, "source"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q, err := url.ParseQuery(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			f, err := ParseFilter(q)
			if tc.bad != "" {
				var bad *BadRequest
				if !errors.As(err, &bad) || bad.Param != tc.bad {
					t.Fatalf("err = %v, want one naming %s", err, tc.bad)
				}
				return
			}
			if err != nil || f != tc.want {
				t.Fatalf("ParseFilter(%q) = %+v, %v; want %+v", tc.query, f, err, tc.want)
			}
			// Links carry the filter as it was read.
			if again, err := ParseFilter(f.Values()); err != nil || again != f {
				t.Fatalf("the filter does not survive its own link: %+v, %v", again, err)
			}
		})
	}
}

func TestACursorIsReadBackAsItWasWritten(t *testing.T) {
	for _, c := range []cursor{{Dated: true, Date: "2024-03-12", ID: "claim:0123"}, {ID: "claim:abc"}} {
		got, err := parseCursor(c.String())
		if err != nil || *got != c {
			t.Errorf("cursor %+v read back as %+v, %v", c, got, err)
		}
	}
	for _, bad := range []string{"x", "ZHwyMDI0fGE", "bnx8", "!!"} {
		if _, err := parseCursor(bad); err == nil {
			t.Errorf("cursor %q accepted", bad)
		}
	}
}

// Every condition's value is a parameter: nothing from the query string
// reaches the text of a statement.
func TestFilterValuesNeverReachTheCypherText(t *testing.T) {
	evil := `x'}) DETACH DELETE n //`
	f := Filter{Predicate: "oppose", Actor: evil, Target: evil, Topic: evil, Object: evil, From: "2024-01-01", To: "2024-12-31", Lang: "zh", Source: evil}
	dates, others, params := f.where()
	text := f.match(append(dates, others...))
	cypher, _ := stancesFromClaims(f)
	for _, s := range []string{text, cypher, strings.Join(dates, " "), strings.Join(others, " ")} {
		if strings.Contains(s, evil) || strings.Contains(s, "2024-01-01") {
			t.Fatalf("a value is in the statement:\n%s", s)
		}
	}
	if params["actor"] != evil || params["source"] != evil {
		t.Fatalf("params %v", params)
	}
}

func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{"", "from=2024&to=2025-02", "actor=JPN&predicate=oppose", "lang=zh-Hans&source=a", "from=9999-12-31", "to=0000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, query string) {
		q, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		flt, err := ParseFilter(q)
		if err != nil {
			var bad *BadRequest
			if !errors.As(err, &bad) || bad.Param == "" {
				t.Fatalf("an error that names no parameter: %v", err)
			}
			return
		}
		if flt.From != "" && flt.To != "" && flt.From > flt.To {
			t.Fatalf("accepted from %s after to %s", flt.From, flt.To)
		}
		if again, err := ParseFilter(flt.Values()); err != nil || again != flt {
			t.Fatalf("%+v does not survive its own link: %+v, %v", flt, again, err)
		}
	})
}
