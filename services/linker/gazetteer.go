package linker

import (
	"log/slog"

	"github.com/diplograph/diplograph/services/linker/internal/plan"
)

// Gazetteer is what the linker asks of the gazetteer: display names, known
// surface forms, and dated roles for resolving "the foreign minister" of a
// country on a day to a person.
type Gazetteer = plan.Gazetteer

// Role is a person's office between two dates (zero: open).
type Role = plan.Role

// defaultGazetteer returns the built-in gazetteer, or nil (no resolution).
func defaultGazetteer(*slog.Logger) Gazetteer { return nil }
