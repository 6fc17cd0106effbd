//go:build ignore

// gen_people adds the heads of state, heads of government and foreign
// ministers written in sources/*.txt to data/people.tsv and
// data/roles.tsv, below a marker line: each run rewrites what follows the
// marker and keeps the curated rows above it. The merge rules are in
// internal/gen (people.go) and SOURCES.md says where each block of
// officials comes from.
//
// With -vocab it also reports officials whose English name is the label
// of a vocabulary id other than theirs, so that the lexicon reuses the
// annotators' ids.
//
// Run it from the lexicon folder:
//
//	go run gen_people.go -vocab ../../shared/corpus/vocab.tsv,../corpus/vocab-extra.tsv
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/lexicon/internal/gen"
)

const self = "gen_people.go from sources/*.txt"

func main() {
	vocab := flag.String("vocab", "", "comma-separated vocabulary files (id, kind, en, zh) to check ids against")
	flag.Parse()
	people, err := gen.ReadTable("data/people.tsv", nil)
	if err != nil {
		log.Fatal(err)
	}
	roles, err := gen.ReadTable("data/roles.tsv", nil)
	if err != nil {
		log.Fatal(err)
	}
	owners := gen.Owners{}
	for _, f := range []string{"data/countries.tsv", "data/orgs.tsv", "data/places.tsv", "data/topics.tsv"} {
		t, err := gen.ReadTable(f, nil)
		if err != nil {
			log.Fatal(err)
		}
		owners.AddTable(t)
	}
	files, err := filepath.Glob("sources/*.txt")
	if err != nil {
		log.Fatal(err)
	}
	slices.Sort(files)
	var all []gen.Official
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			log.Fatal(err)
		}
		officials, err := gen.ParseOfficials(string(data))
		if err != nil {
			log.Fatalf("%s: %v", f, err)
		}
		all = append(all, officials...)
	}
	if *vocab != "" {
		byLabel := map[string]string{}
		for _, v := range strings.Split(*vocab, ",") {
			t, err := gen.ReadTable(v, nil)
			if err != nil {
				log.Fatal(err)
			}
			for _, r := range t.Rows {
				if r.Get("kind") == "person" {
					byLabel[strings.Split(r.Get("en"), " (")[0]] = r.Get("id")
				}
			}
		}
		for _, o := range all {
			if id, ok := byLabel[o.En]; ok && id != o.ID {
				fmt.Printf("%s: vocabulary id for %q is %s\n", o.ID, o.En, id)
			}
		}
	}
	// Rows below the marker were written by the last run: drop them, so
	// that the sources are the only truth for them.
	nPeople, nRoles := people.CutGenerated(self), roles.CutGenerated(self)
	owners.AddTable(people)
	rep, err := gen.MergeOfficials(people, roles, all, owners)
	if err != nil {
		log.Fatal(err)
	}
	for _, n := range rep.Notes {
		fmt.Println(n)
	}
	fmt.Printf("%d people and %d roles added from %d officials\n", rep.People, rep.Roles, len(all))
	people.MarkGenerated(self, nPeople)
	roles.MarkGenerated(self, nRoles)
	if err := people.Write("data/people.tsv"); err != nil {
		log.Fatal(err)
	}
	if err := roles.Write("data/roles.tsv"); err != nil {
		log.Fatal(err)
	}
}
