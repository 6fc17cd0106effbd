package schemas

import (
	"embed"
	"fmt"
)

//go:embed json/*.json
var files embed.FS

// File returns the JSON Schema document of a versioned type name such as
// diplograph.article.v1.
func File(typeName string) ([]byte, error) {
	const prefix = "diplograph."
	if len(typeName) <= len(prefix) || typeName[:len(prefix)] != prefix {
		return nil, fmt.Errorf("schema %q: not a diplograph type name", typeName)
	}
	b, err := files.ReadFile("json/" + typeName[len(prefix):] + ".json")
	if err != nil {
		return nil, fmt.Errorf("schema %q: %w", typeName, err)
	}
	return b, nil
}

// Types lists every versioned type that has a schema file.
func Types() []string {
	return []string{ArticleV1, ExtractionV1, ClaimV1, DeadLetterV1, ClaimRetractedV1, ReprocessV1}
}
