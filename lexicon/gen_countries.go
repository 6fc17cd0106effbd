//go:build ignore

// gen_countries writes data/countries.tsv: one row per ISO 3166-1 country
// or territory, with CLDR names in English, simplified and traditional
// Chinese and Japanese from golang.org/x/text. Rows already in the file are
// kept as curated; CLDR only fills empty name columns and adds CLDR names
// that differ from the curated ones as aliases, so the generator can be
// re-run after a CLDR update without losing hand edits.
//
// With -world-countries it also merges the demonyms, people forms,
// government seats, alternative English names and Chinese and Japanese
// names of the npm package world-countries (ODbL); the rules and the
// curated additions and exclusions are in internal/gen (countries.go,
// curated.go), and SOURCES.md says where each comes from.
//
// Run it with: go generate ./... (from the lexicon folder), or
//
//	npm install --prefix /tmp/wc world-countries@5.1.0
//	go run gen_countries.go -world-countries /tmp/wc/node_modules/world-countries/countries.json
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/lexicon/internal/gen"
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
	wcPath := flag.String("world-countries", "", "countries.json of the npm package world-countries (5.1.0); when set, its demonyms, capitals, alternative names and Chinese and Japanese names are merged in")
	flag.Parse()
	t, err := gen.ReadTable(path, header)
	if err != nil {
		log.Fatal(err)
	}
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
			i := t.Index("id", id)
			if i < 0 {
				t.Rows = append(t.Rows, gen.Row{Fields: map[string]string{"id": id}})
				i = len(t.Rows) - 1
			}
			row := t.Rows[i].Fields
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
	slices.SortStableFunc(t.Rows, func(a, b gen.Row) int { return strings.Compare(a.Get("id"), b.Get("id")) })
	if *wcPath != "" {
		data, err := os.ReadFile(*wcPath)
		if err != nil {
			log.Fatal(err)
		}
		wc, err := gen.ParseWorldCountries(data)
		if err != nil {
			log.Fatal(err)
		}
		owners := gen.Owners{}
		owners.AddTable(t)
		for _, f := range []string{"data/orgs.tsv", "data/places.tsv", "data/topics.tsv", "data/people.tsv"} {
			o, err := gen.ReadTable(f, nil)
			if err != nil {
				log.Fatal(err)
			}
			owners.AddTable(o)
		}
		for _, a := range gen.MergeWorldCountries(t, wc, &gen.Curated, owners) {
			if a.Dropped != "" && a.Dropped != "already a name of the row" {
				fmt.Printf("%s\t%s\t%s\tleft out: %s\n", a.ID, a.Kind, a.Form, a.Dropped)
			}
		}
	}
	if err := t.Write(path); err != nil {
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
