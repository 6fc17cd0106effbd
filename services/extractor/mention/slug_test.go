package mention

import "testing"

// A name the gazetteer lacks gets an id family name first; a family name
// with a particle keeps the particle, and a Romance particle after two
// names or more joins the name before it.
func TestPersonSlugPutsTheFamilyNameFirst(t *testing.T) {
	for name, want := range map[string]string{
		"Karin Jansen":          "person:jansen-karin",
		"Karin von Hippel":      "person:von-hippel-karin",
		"Pieter van der Berg":   "person:van-der-berg-pieter",
		"Marta Rebelo de Sousa": "person:rebelo-de-sousa-marta",
		"Luis de Castro":        "person:de-castro-luis",
		"KAMIKAWA Yoko":         "person:kamikawa-yoko",
		"Anne-Marie J. Dupont":  "person:dupont-anne-marie",
	} {
		if got := personSlug(name); got != want {
			t.Errorf("personSlug(%q) = %q, want %q", name, got, want)
		}
	}
}
