package linker

import (
	"log/slog"
	"slices"
	"time"

	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/services/linker/internal/plan"
)

// Gazetteer is what the linker asks of the gazetteer: display names, known
// surface forms, and dated roles for resolving "the foreign minister" of a
// country on a day to a person.
type Gazetteer = plan.Gazetteer

// Role is a person's office between two dates (zero: open).
type Role = plan.Role

// Lexicon adapts the lexicon module's gazetteer to Gazetteer.
func Lexicon(lx *lexicon.Lexicon) Gazetteer { return lexiconGazetteer{lx} }

// defaultGazetteer returns the built-in gazetteer, or nil (no resolution)
// when it cannot be loaded.
func defaultGazetteer(log *slog.Logger) Gazetteer {
	lx, err := lexicon.Default()
	if err != nil {
		log.Warn("gazetteer unavailable; persons are not resolved against dated roles", "err", err)
		return nil
	}
	return Lexicon(lx)
}

type lexiconGazetteer struct{ lx *lexicon.Lexicon }

func (g lexiconGazetteer) Label(id string) (string, bool) {
	e, ok := g.lx.Get(id)
	if !ok {
		return "", false
	}
	for _, lang := range []string{"en", "zh"} {
		if l := e.Label[lang]; l != "" {
			return l, true
		}
	}
	for _, lang := range lexicon.Languages {
		if ns := e.Names[lang]; len(ns) > 0 {
			return ns[0], true
		}
	}
	return id, true
}

func (g lexiconGazetteer) Names(id string) []string {
	e, ok := g.lx.Get(id)
	if !ok {
		return nil
	}
	var out []string
	for _, lang := range lexicon.Languages {
		out = append(out, e.Names[lang]...)
	}
	for _, l := range e.Label {
		out = append(out, l)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func (g lexiconGazetteer) HoldersOf(key, of string, day time.Time) []string {
	var out []string
	for _, e := range g.lx.HoldersOf(key, of, day) {
		out = append(out, e.ID)
	}
	return out
}

func (g lexiconGazetteer) RolesOn(person string, day time.Time) []Role {
	var out []Role
	for _, r := range g.lx.RolesOn(person, day) {
		out = append(out, Role{Key: r.Key, Of: r.Of, From: r.From, To: r.To})
	}
	return out
}
