// Package rules holds the extractor's rule files (cues.tsv, modifiers.tsv,
// topics.tsv) and their golden test cases (golden.yaml). The files are
// embedded in the binary; the engine's Options.RulesDir overrides them.
package rules

import "embed"

// FS holds the embedded rule files.
//
//go:embed *.tsv
var FS embed.FS
