package extract

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/services/fetcher/source"
)

// TestWholeDocuments runs our own documents in the three input shapes (a
// feed-item dump, an HTML page, plain text) end to end.
func TestWholeDocuments(t *testing.T) {
	cases := map[string]struct {
		lang, date string
		claims     []string
	}{
		"feed-item-zh.txt": {"zh", "2024-05-20", []string{
			"agree AUS,JPN - topic:maritime-security -",
			"call_on AUS,JPN PRK topic:nuclear-program -",
			"commit JPN AUS topic:joint-exercises 2025",
			"concern AUS,JPN place:south-china-sea - -",
			"oppose AUS,JPN - topic:unilateral-status-quo-change -",
		}},
		"statement-en.html": {"en", "2024-05-03", []string{
			"agree CAN,MEX - topic:climate-change -",
			"call_on CAN,MEX - topic:international-law -",
			"commit MEX - topic:food-security 2025",
			"condemn CAN,MEX - topic:terrorism -",
			"support CAN UKR - -",
			"welcome CAN,MEX - topic:trade -",
		}},
		"plain-zh.txt": {"zh", "", []string{
			"call_on CHN - topic:arms-exports -",
			"call_on CHN - topic:one-china-policy -",
			"oppose CHN - topic:non-interference -",
		}},
	}
	e := testEngine(t)
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			a, err := source.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			x := e.Extract(a)
			if x.Error != nil || x.Lang != want.lang || x.Date != want.date {
				t.Fatalf("lang %q date %q error %+v", x.Lang, x.Date, x.Error)
			}
			var got []string
			for _, c := range x.Claims {
				acts := append([]string{}, c.Actors...)
				sort.Strings(acts)
				s := func(p *string) string {
					if p == nil {
						return "-"
					}
					return *p
				}
				got = append(got, strings.Join([]string{c.Predicate, strings.Join(acts, ","), s(c.Target), s(c.Topic), s(c.When)}, " "))
			}
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(want.claims, "\n") {
				t.Fatalf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want.claims, "\n  "))
			}
		})
	}
}
