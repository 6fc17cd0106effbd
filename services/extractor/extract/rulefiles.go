package extract

import (
	"io/fs"

	rulefiles "github.com/diplograph/diplograph/services/extractor/rules"
)

// DefaultRules returns the embedded rule files: those an Engine reads when
// Options.RulesDir is empty, and that a RulesDir folder overrides file by
// file. Tests that derive a variant of the rules start from these.
func DefaultRules() fs.FS { return rulefiles.FS }
