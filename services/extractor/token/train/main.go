// Command train learns the English part-of-speech tagger and lemma table
// from tagged sentences (the output of silver.py) and reports its accuracy
// on held-out sentences.
//
//	python3 silver.py --out /tmp/silver      # spaCy tags for the bulk corpus's English
//	go run ./token/train -in /tmp/silver -out token/en_pos.model.gz
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/diplograph/diplograph/services/extractor/token"
)

func main() {
	in := flag.String("in", "", "folder with train.tsv and test.tsv (word, tag, lemma per line; blank line between sentences)")
	out := flag.String("out", "", "model file to write (gzip)")
	iters := flag.Int("iterations", 5, "training passes")
	limit := flag.Int("limit", 0, "use at most this many training sentences (0: all)")
	flag.Parse()
	if *in == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*in, *out, *iters, *limit); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(in, out string, iters, limit int) error {
	train, err := read(filepath.Join(in, "train.tsv"))
	if err != nil {
		return err
	}
	test, err := read(filepath.Join(in, "test.tsv"))
	if err != nil {
		return err
	}
	if limit > 0 && len(train) > limit {
		train = train[:limit]
	}
	start := time.Now()
	t := token.Train(train, token.TrainOptions{Iterations: iters, Seed: 1})
	fmt.Printf("trained on %d sentences in %s\n", len(train), time.Since(start).Round(time.Second))
	fmt.Printf("accuracy on %d held-out sentences: %.4f\n", len(test), t.Accuracy(test))
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if _, err := t.WriteTo(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func read(path string) ([]token.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []token.Sentence
	var cur token.Sentence
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			if len(cur.Words) > 0 {
				out = append(out, cur)
			}
			cur = token.Sentence{}
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			continue
		}
		cur.Words = append(cur.Words, f[0])
		cur.Tags = append(cur.Tags, f[1])
		if len(f) > 2 {
			cur.Lemmas = append(cur.Lemmas, f[2])
		} else {
			cur.Lemmas = append(cur.Lemmas, f[0])
		}
	}
	if len(cur.Words) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}
