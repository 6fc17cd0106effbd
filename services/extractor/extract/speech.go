package extract

import (
	"path"
	"regexp"
	"strings"

	"github.com/diplograph/diplograph/lexicon"
)

// debateName is the file name the UN General Debate corpus gives each
// speech: the speaking state's ISO code, the session and the year
// (RUS_78_2023). A name may carry a prefix of its own (0012-RUS_78_2023).
var debateName = regexp.MustCompile(`(?:^|[^A-Za-z0-9])([A-Z]{3})_(\d{2})_(\d{4})$`)

// debateSpeaker returns the state a document's name says gives the speech
// when the name follows the UN General Debate corpus (RUS_78_2023.txt), or
// "". The corpus knows who spoke; the text of a speech often names its own
// state less than the one it speaks against.
func (e *Engine) debateSpeaker(name string) string {
	if e.lex == nil || name == "" {
		return ""
	}
	base := strings.TrimSuffix(path.Base(name), path.Ext(name))
	m := debateName.FindStringSubmatch(base)
	if m == nil {
		return ""
	}
	if ent, ok := e.lex.Get(m[1]); !ok || ent.Kind != lexicon.KindCountry {
		return ""
	}
	return m[1]
}
