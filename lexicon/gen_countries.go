//go:build ignore

// gen_countries writes data/countries.tsv: one row per ISO 3166-1 country
// or territory, with CLDR names in English, simplified and traditional
// Chinese and Japanese from golang.org/x/text. Rows already in the file are
// kept as curated; CLDR only fills empty name columns and adds CLDR names
// that differ from the curated ones as aliases, so the generator can be
// re-run after a CLDR update without losing hand edits.
//
// Run it with: go generate ./... (from the lexicon folder).
package main

import (
	"bufio"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

const path = "data/countries.tsv"

var header = []string{"id", "en", "zh", "zh-Hant", "ja", "aliases", "abbrev"}

// notISO are CLDR regions that are not ISO 3166-1 countries: exceptionally
// reserved codes, deprecated codes and groupings.
var notISO = map[string]bool{
	"AC": true, "CP": true, "DG": true, "EA": true, "IC": true, "TA": true, "XK": true,
	"EU": true, "EZ": true, "UN": true, "UK": true, "QO": true, "CQ": true,
	"AN": true, "BU": true, "CS": true, "CT": true, "DD": true, "DY": true, "FQ": true,
	"FX": true, "HV": true, "JT": true, "MI": true, "NH": true, "NQ": true, "NT": true,
	"PC": true, "PU": true, "PZ": true, "RH": true, "SU": true, "TP": true, "VD": true,
	"WK": true, "YD": true, "YU": true, "ZR": true,
}

func main() {
	rows, order := readExisting()
	namers := map[string]display.Namer{
		"en":      display.English.Regions(),
		"zh":      display.Regions(language.SimplifiedChinese),
		"zh-Hant": display.Regions(language.TraditionalChinese),
		"ja":      display.Regions(language.Japanese),
	}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || notISO[code] {
				continue
			}
			id := r.ISO3()
			row, ok := rows[id]
			if !ok {
				row = map[string]string{"id": id}
				rows[id] = row
				order = append(order, id)
			}
			for _, lang := range []string{"en", "zh", "zh-Hant", "ja"} {
				name := namers[lang].Name(r)
				if name == "" {
					continue
				}
				if row[lang] == "" {
					row[lang] = name
					continue
				}
				if !slices.Contains(strings.Split(row[lang], "|"), name) && !slices.Contains(strings.Split(row["aliases"], "|"), prefixed(lang, name)) {
					row["aliases"] = join(row["aliases"], prefixed(lang, name))
				}
			}
		}
	}
	slices.Sort(order)
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, strings.Join(header, "\t"))
	for _, id := range order {
		var fields []string
		for _, h := range header {
			fields = append(fields, rows[id][h])
		}
		fmt.Fprintln(w, strings.Join(fields, "\t"))
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// prefixed marks names whose language the loader cannot infer from the script.
func prefixed(lang, name string) string {
	if lang == "en" || lang == "zh" {
		return name
	}
	return lang + ":" + name
}

func join(list, v string) string {
	if list == "" {
		return v
	}
	return list + "|" + v
}

func readExisting() (map[string]map[string]string, []string) {
	rows := map[string]map[string]string{}
	var order []string
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return rows, nil
	}
	if err != nil {
		log.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(lines) == 0 {
		return rows, nil
	}
	cols := strings.Split(lines[0], "\t")
	for _, line := range lines[1:] {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		row := map[string]string{}
		for i, f := range strings.Split(line, "\t") {
			if i < len(cols) {
				row[cols[i]] = f
			}
		}
		rows[row["id"]] = row
		order = append(order, row["id"])
	}
	return rows, order
}
