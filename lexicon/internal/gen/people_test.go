package gen

import (
	"slices"
	"strings"
	"testing"
)

const officialsFixture = `# a comment
@ knowledge
= JPN
kamikawa-yoko	Yoko Kamikawa	上川阳子	-	fm 2023-09-13 2024-10-01
suzuki-taro	Taro Suzuki	铃木太郎	-	hog 2030-01 -

= FRA
dupont-jean	Jean Dupont	让·杜邦	Dupont	fm 2030-01-01 2031-06; hos@org:un 2032 -
dupont-marie	Marie Dupont	玛丽·杜邦	-	-
nobody-known	Nobody Known	-	-卡	-
martin-paul	Paul Martin	保罗·马丁	-	hog 2030-02 2030-05
biya-paul	Paul Biya	保罗·比亚	-	-
fidan-hakan	Hakan Fidan	哈坎·菲丹	-	-
elizabeth-ii	Queen Elizabeth II	-	-	hos 1952-02-06 2022-09-08
`

func parsedFixture(t *testing.T) []Official {
	t.Helper()
	o, err := ParseOfficials(officialsFixture)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestParseOfficials(t *testing.T) {
	o := parsedFixture(t)
	if len(o) != 9 {
		t.Fatalf("%d officials, want 9", len(o))
	}
	d := o[2]
	if d.ID != "person:dupont-jean" || d.Country != "FRA" || d.Zh != "让·杜邦" || d.Source != "knowledge" {
		t.Errorf("parsed %+v", d)
	}
	want := []OfficialRole{{"foreign-minister", "FRA", "2030-01-01", "2031-06"}, {"head-of-state", "org:un", "2032", ""}}
	if !slices.Equal(d.Roles, want) {
		t.Errorf("roles %+v, want %+v", d.Roles, want)
	}
	if o[4].Zh != "" || len(o[4].Roles) != 0 {
		t.Errorf("\"-\" fields: %+v", o[4])
	}
}

func TestParseOfficialsRejectsMalformedLines(t *testing.T) {
	for name, text := range map[string]string{
		"no country block":    "a-b\tB A\t-\t-\t-\n",
		"four fields":         "= JPN\na-b\tB A\t-\t-\n",
		"a role without to":   "= JPN\na-b\tB A\t-\t-\tfm 2020-01-01\n",
		"a malformed date":    "= JPN\na-b\tB A\t-\t-\tfm 2020/01/01 -\n",
		"an end before start": "= JPN\na-b\tB A\t-\t-\tfm 2020-01-01 2019-12\n",
	} {
		if _, err := ParseOfficials(text); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestChineseForms(t *testing.T) {
	forms, short := ChineseForms("哈坎·菲丹")
	if !slices.Equal(forms, []string{"哈坎·菲丹", "哈坎-菲丹", "哈坎・菲丹", "哈坎•菲丹", "哈坎.菲丹"}) || short != "菲丹" {
		t.Errorf("ChineseForms = %v, %q", forms, short)
	}
	if forms, short := ChineseForms("王毅"); len(forms) != 1 || short != "" {
		t.Errorf("a Chinese name without a dot: %v, %q", forms, short)
	}
	if _, short := ChineseForms("阿米娜·卡"); short != "" {
		t.Errorf("a one-character last part is no short form: %q", short)
	}
}

func TestJapaneseForms(t *testing.T) {
	if got := JapaneseForms("Yoko Kamikawa"); !slices.Equal(got, []string{"KAMIKAWA Yoko", "Kamikawa Yoko"}) {
		t.Errorf("JapaneseForms = %v", got)
	}
}

func mergeFixture(t *testing.T) (*Table, *Table, Report) {
	t.Helper()
	people, err := ParseTable("id\ten\tzh\tzh-Hant\tja\taliases\tcountry\n" +
		"person:kamikawa-yoko\tYoko Kamikawa\t上川阳子\t\t\tcurated\tJPN\n" +
		"person:elizabeth-ii\tQueen Elizabeth II\t伊丽莎白二世\t\t\t\tGBR\n")
	if err != nil {
		t.Fatal(err)
	}
	roles, err := ParseTable("person\tkey\tof\tfrom\tto\n" +
		"person:kamikawa-yoko\tforeign-minister\tJPN\t2023-09-13\t2024-10-01\n")
	if err != nil {
		t.Fatal(err)
	}
	owners := Owners{}
	owners.AddTable(people)
	owners.Add("马丁", "person:martin-micheal")
	owners.Add("利比亚", "LBY")
	rep, err := MergeOfficials(people, roles, parsedFixture(t), owners)
	if err != nil {
		t.Fatal(err)
	}
	return people, roles, rep
}

func rowOf(t *testing.T, tab *Table, id string) Row {
	t.Helper()
	i := tab.Index("id", id)
	if i < 0 {
		t.Fatalf("%s missing", id)
	}
	return tab.Rows[i]
}

func TestMergeOfficialsKeepsCuratedPeople(t *testing.T) {
	people, roles, _ := mergeFixture(t)
	if got := rowOf(t, people, "person:kamikawa-yoko").Get("aliases"); got != "curated" {
		t.Errorf("curated aliases became %q", got)
	}
	n := 0
	for _, r := range roles.Rows {
		if r.Get("person") == "person:kamikawa-yoko" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Kamikawa has %d roles, want the curated one only", n)
	}
	if rowOf(t, people, "person:elizabeth-ii").Get("zh") != "伊丽莎白二世" {
		t.Error("a listed curated person was rewritten")
	}
}

func TestMergeOfficialsWritesNewPeople(t *testing.T) {
	people, _, _ := mergeFixture(t)
	jean := rowOf(t, people, "person:dupont-jean")
	if jean.Get("country") != "FRA" || jean.Get("zh") != "让·杜邦" {
		t.Errorf("row %v", jean.Fields)
	}
	aliases := Split(jean.Get("aliases"))
	for _, want := range []string{"让-杜邦", "让・杜邦", "让•杜邦", "让.杜邦"} {
		if !slices.Contains(aliases, want) {
			t.Errorf("aliases %v lack %q", aliases, want)
		}
	}
	suzuki := Split(rowOf(t, people, "person:suzuki-taro").Get("aliases"))
	if !slices.Contains(suzuki, "SUZUKI Taro") || !slices.Contains(suzuki, "Suzuki Taro") {
		t.Errorf("Japanese forms missing: %v", suzuki)
	}
	if got := rowOf(t, people, "person:nobody-known").Get("zh"); got != "Nobody Known" {
		t.Errorf("a person without a Chinese name has zh %q, want the English name", got)
	}
}

func TestMergeOfficialsLeavesOutSharedAndOwnedForms(t *testing.T) {
	people, _, rep := mergeFixture(t)
	for _, id := range []string{"person:dupont-jean", "person:dupont-marie"} {
		if slices.Contains(Split(rowOf(t, people, id).Get("aliases")), "杜邦") {
			t.Errorf("%s got the short form 杜邦 that two new people share", id)
		}
	}
	if slices.Contains(Split(rowOf(t, people, "person:martin-paul").Get("aliases")), "马丁") {
		t.Error("person:martin-paul got 马丁, which names another entity")
	}
	if !slices.Contains(Split(rowOf(t, people, "person:dupont-jean").Get("aliases")), "Dupont") {
		t.Error("an explicit alias no one else has was left out")
	}
	if !strings.Contains(strings.Join(rep.Notes, "\n"), "马丁") {
		t.Errorf("the clash is not reported: %v", rep.Notes)
	}
	if slices.Contains(Split(rowOf(t, people, "person:biya-paul").Get("aliases")), "比亚") {
		t.Error("person:biya-paul got 比亚, which is part of 利比亚")
	}
	if !slices.Contains(Split(rowOf(t, people, "person:fidan-hakan").Get("aliases")), "菲丹") {
		t.Error("person:fidan-hakan lacks its short form 菲丹")
	}
}

func TestMergeOfficialsAddsRolesOnce(t *testing.T) {
	people, roles, rep := mergeFixture(t)
	count := func(id string) int {
		n := 0
		for _, r := range roles.Rows {
			if r.Get("person") == id {
				n++
			}
		}
		return n
	}
	if count("person:dupont-jean") != 2 || count("person:elizabeth-ii") != 1 {
		t.Errorf("roles: dupont-jean %d, elizabeth-ii %d", count("person:dupont-jean"), count("person:elizabeth-ii"))
	}
	// A second run over the merged tables adds nothing.
	again, err := MergeOfficials(people, roles, parsedFixture(t), Owners{})
	if err != nil {
		t.Fatal(err)
	}
	if again.People != 0 || again.Roles != 0 {
		t.Errorf("second merge added %d people and %d roles (first: %+v)", again.People, again.Roles, rep)
	}
}

func TestGeneratedMarker(t *testing.T) {
	tab, err := ParseTable("id\ten\nperson:a\tA\n")
	if err != nil {
		t.Fatal(err)
	}
	n := tab.CutGenerated("gen")
	tab.Rows = append(tab.Rows, Row{Fields: map[string]string{"id": "person:b", "en": "B"}})
	tab.MarkGenerated("gen", n)
	text := tab.String()
	if text != "id\ten\nperson:a\tA\n"+GeneratedMarker+"gen\nperson:b\tB\n" {
		t.Fatalf("marked table:\n%s", text)
	}
	again, _ := ParseTable(text)
	if n := again.CutGenerated("gen"); n != 1 || again.String() != "id\ten\nperson:a\tA\n" {
		t.Errorf("cut kept %d rows:\n%s", n, again.String())
	}
}
