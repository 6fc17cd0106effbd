package lexicon

import (
	"slices"
	"time"
)

// Get returns the entity with the given id.
func (lx *Lexicon) Get(id string) (*Entity, bool) {
	e, ok := lx.byID[id]
	return e, ok
}

// Lookup returns the entities that have name among their names, in any
// language, as written (no case folding). Weak cues are not names.
func (lx *Lexicon) Lookup(name string) []*Entity { return slices.Clone(lx.byName[name]) }

// Entities returns every entity in file order: countries, organisations,
// places, topics, people. The slice is a copy; the entities are shared and
// must not be modified.
func (lx *Lexicon) Entities() []*Entity { return slices.Clone(lx.entities) }

// Titles returns every role title.
func (lx *Lexicon) Titles() []Title { return slices.Clone(lx.titles) }

// Organs returns every phrase naming an organ of a state.
func (lx *Lexicon) Organs() []Organ { return slices.Clone(lx.organs) }

// Abbrevs returns the single-character abbreviations of states and
// organisations.
func (lx *Lexicon) Abbrevs() []Abbrev { return slices.Clone(lx.abbrevs) }

// HoldersOf returns the people who held role key of the country or
// organisation of on day, earliest appointment first. Several may hold a
// role at once (spokespeople), or on a handover day.
func (lx *Lexicon) HoldersOf(key, of string, day time.Time) []*Entity {
	day = dayOf(day)
	var out []*Entity
	for _, h := range lx.holders[key+"\x00"+of] {
		if h.role.Active(day) && !slices.Contains(out, h.person) {
			out = append(out, h.person)
		}
	}
	return out
}

// HolderNow returns the one person whose term in role key of of is still
// open, and the day it began; nil when none or several.
func (lx *Lexicon) HolderNow(key, of string) (*Entity, time.Time) {
	var who *Entity
	var from time.Time
	for _, h := range lx.holders[key+"\x00"+of] {
		if !h.role.To.IsZero() {
			continue
		}
		if who != nil && who != h.person {
			return nil, time.Time{}
		}
		who, from = h.person, h.role.From
	}
	return who, from
}

// Terms returns everyone who held role key of of, each with the role, in
// the gazetteer's order.
func (lx *Lexicon) Terms(key, of string) ([]*Entity, []Role) {
	var who []*Entity
	var roles []Role
	for _, h := range lx.holders[key+"\x00"+of] {
		who = append(who, h.person)
		roles = append(roles, h.role)
	}
	return who, roles
}

// DataDate is the latest day a role of the gazetteer starts or ends on:
// the day its data tells of.
func (lx *Lexicon) DataDate() time.Time { return lx.newest }

// RolesOn returns the roles the person held on day.
func (lx *Lexicon) RolesOn(personID string, day time.Time) []Role {
	e, ok := lx.byID[personID]
	if !ok {
		return nil
	}
	day = dayOf(day)
	var out []Role
	for _, r := range e.Roles {
		if r.Active(day) {
			out = append(out, r)
		}
	}
	return out
}

// dayOf drops the time of day, so that a role ending on a date is held
// through that whole date.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
