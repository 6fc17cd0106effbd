package linker_test

import (
	"encoding/json"
	"testing"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
	"github.com/diplograph/diplograph/services/linker/internal/plan"
)

func TestDecodeRejectsWhatItCannotWrite(t *testing.T) {
	for name, data := range map[string]string{
		"truncated JSON":   `{"schema":"diplograph.extraction.v1","doc":`,
		"another schema":   `{"schema":"diplograph.article.v1","doc":"d","lang":"en"}`,
		"no doc":           `{"schema":"diplograph.extraction.v1","lang":"en"}`,
		"a bad predicate":  `{"schema":"diplograph.extraction.v1","doc":"d","lang":"en","claims":[{"predicate":"likes","actors":["JPN"],"topic":"topic:x","rule":"r"}]}`,
		"a list, not one":  `[{"schema":"diplograph.extraction.v1","doc":"d"}]`,
		"two objects":      `{"schema":"diplograph.extraction.v1","doc":"d","lang":"en"} {}`,
		"a string as date": `{"schema":"diplograph.extraction.v1","doc":"d","lang":"en","date":"yesterday"}`,
	} {
		if _, err := linker.Decode([]byte(data)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	sc := newScope()
	for _, x := range sc.cookbook() {
		b, _ := json.Marshal(x)
		if _, err := linker.Decode(b); err != nil {
			t.Errorf("%s: %v", x.Doc, err)
		}
	}
}

// FuzzDecode feeds arbitrary bytes to Decode and what it accepts to the
// planner: neither may panic, whatever arrives on the stream.
func FuzzDecode(f *testing.F) {
	sc := newScope()
	for _, x := range sc.cookbook() {
		b, _ := json.Marshal(x)
		f.Add(b)
	}
	f.Add([]byte(`{"schema":"diplograph.extraction.v1","doc":"d","lang":"en","claims":[{"predicate":"oppose","actors":["JPN"],"speakers":["p"],"topic":"topic:x","rule":"r","evidence":{"text":"x","start":-5,"end":99999}}],"entities":[{"id":"p","type":"person","role":"foreign-minister","country":"JPN"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := linker.Decode(data)
		if err != nil {
			return
		}
		_ = plan.Build([]schemas.Extraction{x}, roster{sc})
	})
}
