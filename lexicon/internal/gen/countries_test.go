package gen

import (
	"slices"
	"testing"
)

func wcFixture() []WorldCountry {
	mk := func(id, common, official string, un bool, dem string, capital ...string) WorldCountry {
		var w WorldCountry
		w.CCA3, w.Name.Common, w.Name.Official, w.UNMember, w.Capital = id, common, official, un, capital
		w.Demonyms = map[string]map[string]string{"eng": {"m": dem, "f": dem}}
		return w
	}
	jam := mk("JAM", "Jamaica", "Jamaica", true, "Jamaican", "Kingston")
	dom := mk("DOM", "Dominican Republic", "Dominican Republic", true, "Dominican", "Santo Domingo")
	dma := mk("DMA", "Dominica", "Commonwealth of Dominica", true, "Dominican", "Roseau")
	col := mk("COL", "Colombia", "Republic of Colombia", true, "Colombian", "Bogotá")
	col.AltSpellings = []string{"CO", "Republic of Colombia", "República de Colombia", "Colombia, Republic of"}
	col.Translations = map[string]struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	}{"zho": {Common: "哥伦比亚", Official: "哥伦比亚共和国"}}
	bol := mk("BOL", "Bolivia", "Plurinational State of Bolivia", true, "Bolivian", "Sucre")
	bel := mk("BEL", "Belgium", "Kingdom of Belgium", true, "Belgian", "Brussels")
	atf := mk("ATF", "French Southern and Antarctic Lands", "Territory of the French Southern and Antarctic Lands", false, "French", "Port-aux-Français")
	fra := mk("FRA", "France", "French Republic", true, "French", "Paris")
	che := mk("CHE", "Switzerland", "Swiss Confederation", true, "Swiss", "Bern")
	return []WorldCountry{jam, dom, dma, col, bol, bel, atf, fra, che}
}

func countryTable(t *testing.T) *Table {
	t.Helper()
	tab, err := ParseTable("id\ten\tzh\tzh-Hant\tja\taliases\tabbrev\n" +
		"ATF\tFrench Southern Territories\t法属南部领地\t\t\t\t\n" +
		"BEL\tBelgium\t比利时\t\t\tBelgian\t\n" +
		"BOL\tBolivia\t玻利维亚\t\t\t\t\n" +
		"CHE\tSwitzerland\t瑞士\t\t\t\t\n" +
		"COL\tColombia\t哥伦比亚\t\t\t\t\n" +
		"DMA\tDominica\t多米尼克\t\t\t\t\n" +
		"DOM\tDominican Republic\t多米尼加\t\t\t\t\n" +
		"FRA\tFrance\t法国\t\t\tFrench|Paris\t法\n" +
		"JAM\tJamaica\t牙买加\t\t\tcurated alias\t\n")
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func merged(t *testing.T) (*Table, []Addition) {
	t.Helper()
	tab := countryTable(t)
	owners := Owners{}
	owners.AddTable(tab)
	owners.Add("Brussels", "org:eu")
	c := &Curation{
		Deny:     map[string][]string{"*": {"Kingston"}},
		Seats:    map[string][]string{"BOL": {"La Paz"}},
		Demonyms: map[string][]string{"COL": {"Colombian"}},
		Zh:       map[string][]string{"JAM": {"金斯敦"}, "COL": {"波哥大"}},
	}
	return tab, MergeWorldCountries(tab, wcFixture(), c, owners)
}

func aliases(tab *Table, id string) []string {
	return Split(tab.Rows[tab.Index("id", id)].Get("aliases"))
}

func TestMergeKeepsCuratedAliasesFirst(t *testing.T) {
	tab, _ := merged(t)
	got := aliases(tab, "JAM")
	if len(got) == 0 || got[0] != "curated alias" {
		t.Errorf("JAM aliases %v do not start with the curated alias", got)
	}
	if tab.Rows[tab.Index("id", "FRA")].Get("abbrev") != "法" {
		t.Error("a curated column changed")
	}
}

func TestMergeAddsDemonymsPeopleFormsAndCapitals(t *testing.T) {
	tab, _ := merged(t)
	for _, want := range []string{"Jamaican", "Jamaicans", "金斯敦"} {
		if !slices.Contains(aliases(tab, "JAM"), want) {
			t.Errorf("JAM aliases %v lack %q", aliases(tab, "JAM"), want)
		}
	}
	if slices.Contains(aliases(tab, "CHE"), "Swisss") || !slices.Contains(aliases(tab, "CHE"), "Swiss") {
		t.Errorf("CHE aliases %v: want Swiss and no invented plural", aliases(tab, "CHE"))
	}
}

func TestMergeLeavesOutDeniedSharedAndOwnedForms(t *testing.T) {
	tab, adds := merged(t)
	why := map[string]string{}
	for _, a := range adds {
		why[a.ID+" "+a.Form] = a.Dropped
	}
	for form, reason := range map[string]string{
		"JAM Kingston":  "denied",
		"DOM Dominican": "shared by several states",
		"DMA Dominican": "shared by several states",
		"BEL Brussels":  "names another entity",
		"BEL Belgian":   "already a name of the row",
	} {
		if why[form] != reason {
			t.Errorf("%s: dropped %q, want %q", form, why[form], reason)
		}
	}
	if slices.Contains(aliases(tab, "DOM"), "Dominican") || slices.Contains(aliases(tab, "BEL"), "Brussels") {
		t.Error("a dropped form was added")
	}
}

func TestMergeGivesTerritoriesNoDemonymsOrCapitals(t *testing.T) {
	tab, _ := merged(t)
	for _, a := range aliases(tab, "ATF") {
		if a == "French" || a == "Port-aux-Français" {
			t.Errorf("territory ATF got %q", a)
		}
	}
	if !slices.Contains(aliases(tab, "ATF"), "French Southern and Antarctic Lands") {
		t.Errorf("ATF aliases %v lack its package name", aliases(tab, "ATF"))
	}
}

func TestMergeUsesSeatsAndFoldsDiacritics(t *testing.T) {
	tab, _ := merged(t)
	bol := aliases(tab, "BOL")
	if !slices.Contains(bol, "La Paz") || slices.Contains(bol, "Sucre") {
		t.Errorf("BOL aliases %v: want the seat La Paz, not Sucre", bol)
	}
	col := aliases(tab, "COL")
	for _, want := range []string{"Bogotá", "Bogota", "Republic of Colombia", "哥伦比亚共和国", "波哥大"} {
		if !slices.Contains(col, want) {
			t.Errorf("COL aliases %v lack %q", col, want)
		}
	}
	for _, bad := range []string{"República de Colombia", "Colombia, Republic of", "CO", "哥伦比亚"} {
		if slices.Contains(col, bad) {
			t.Errorf("COL aliases %v have %q", col, bad)
		}
	}
}

func TestMergeIsIdempotent(t *testing.T) {
	tab, _ := merged(t)
	once := tab.String()
	owners := Owners{}
	owners.AddTable(tab)
	owners.Add("Brussels", "org:eu")
	c := &Curation{Deny: map[string][]string{"*": {"Kingston"}}, Seats: map[string][]string{"BOL": {"La Paz"}}}
	MergeWorldCountries(tab, wcFixture(), c, owners)
	if tab.String() != once {
		t.Errorf("a second merge changed the table:\n%s\nthen\n%s", once, tab.String())
	}
}

func TestPluralOf(t *testing.T) {
	c := &Curation{Plural: map[string]string{"Czech": "Czechs"}, NoPlural: []string{"Lao"}}
	for in, want := range map[string]string{
		"Jamaican": "Jamaicans", "Iraqi": "Iraqis", "Chinese": "", "Swiss": "", "Polish": "",
		"Malagasy": "", "Czech": "Czechs", "Lao": "", "South Korean": "South Koreans", "French": "",
	} {
		if got := c.PluralOf(in); got != want {
			t.Errorf("PluralOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEnglishAlt(t *testing.T) {
	own := []string{"Armenia", "Republic of Armenia"}
	for alt, want := range map[string]bool{
		"Republic of Armenia": true, "Hayastan": false, "AM": false,
		"Armenia, Republic of": false, "Հայաստանի Հանրապետություն": false,
	} {
		if got := EnglishAlt(alt, own); got != want {
			t.Errorf("EnglishAlt(%q) = %v, want %v", alt, got, want)
		}
	}
}

func TestTableRoundTrips(t *testing.T) {
	text := "id\ten\taliases\n# a comment\nJPN\tJapan\t\nGBR\tUK\tBritain|British\n"
	tab, err := ParseTable(text)
	if err != nil {
		t.Fatal(err)
	}
	if tab.String() != text {
		t.Errorf("round trip:\n%q\nwant\n%q", tab.String(), text)
	}
}

func TestMergeLeavesOutChineseFormsInsideOtherNames(t *testing.T) {
	tab := countryTable(t)
	owners := Owners{}
	owners.AddTable(tab)
	owners.Add("罗马尼亚", "ROU")
	adds := MergeWorldCountries(tab, wcFixture(), &Curation{Zh: map[string][]string{"FRA": {"罗马", "巴黎"}}}, owners)
	for _, a := range adds {
		if a.ID == "FRA" && a.Form == "罗马" && a.Dropped == "" {
			t.Error("罗马 was added although it is part of 罗马尼亚")
		}
	}
	if !slices.Contains(aliases(tab, "FRA"), "巴黎") {
		t.Errorf("FRA aliases %v lack 巴黎", aliases(tab, "FRA"))
	}
}
