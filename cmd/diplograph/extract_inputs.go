package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/fetcher/source"
)

// Extensions of the files extract reads in a folder: documents, and feeds.
var (
	extractDocExts  = map[string]bool{".txt": true, ".md": true, ".markdown": true, ".html": true, ".htm": true}
	extractFeedExts = map[string]bool{".xml": true, ".rss": true, ".atom": true, ".rdf": true, ".json": true}
)

// maxFeedBytes bounds a feed file: it holds many documents, each within the
// document limit, as the fetcher reads a feed.
const maxFeedBytes = 16 << 20

// feedSniffBytes is how much of a file is read to tell a feed: its root
// element, or a JSON object's opening brace.
const feedSniffBytes = 64 << 10

// extractDoc is one document extract reads: a file, or one item of a feed.
type extractDoc struct {
	path    string // the file, and for a feed item "#" and its number, for messages
	name    string // the document's name, unique within its feed and stable
	article schemas.Article
	err     error // the document could not be read
}

// extractInputs reads extract's arguments as documents. What yields no
// document at all (an empty folder, a folder of nothing readable, a feed
// with no items, a broken link) is reported on stderr and counted in
// problems; what is passed over inside a folder that has documents (a link
// back to a folder already read, a .json that is no feed) is only noted.
type extractInputs struct {
	stderr   io.Writer
	problems int
}

// documents yields the documents of the arguments in order: the files of
// a folder sorted by path, a feed's items in the feed's order.
func (in *extractInputs) documents(args []string) iter.Seq[extractDoc] {
	return func(yield func(extractDoc) bool) {
		for _, arg := range args {
			fi, err := os.Stat(arg)
			if err != nil {
				in.problem("%v", err) // names the path
				continue
			}
			explicit := !fi.IsDir()
			files := []string{arg}
			if fi.IsDir() {
				files = in.folderFiles(arg)
			}
			n := 0
			for _, p := range files {
				for _, d := range in.read(p, explicit) {
					n++
					if !yield(d) {
						return
					}
				}
			}
			if n == 0 && fi.IsDir() {
				in.problem("%s: nothing to extract: no readable %s file in it", arg, extList())
			}
		}
	}
}

func (in *extractInputs) problem(format string, args ...any) {
	in.problems++
	fmt.Fprintf(in.stderr, format+"\n", args...)
}

func (in *extractInputs) note(format string, args ...any) {
	fmt.Fprintf(in.stderr, format+"\n", args...)
}

func extList() string {
	var exts []string
	for _, m := range []map[string]bool{extractDocExts, extractFeedExts} {
		var some []string
		for e := range m {
			some = append(some, e)
		}
		sort.Strings(some)
		exts = append(exts, some...)
	}
	return strings.Join(exts, ", ")
}

// folderFiles returns the document and feed files below dir, sorted. It
// follows links to folders, each real folder once, so that a link back up
// the tree cannot loop; hidden files and folders and the corpus's gold
// annotations (*.gold.json) are passed over.
func (in *extractInputs) folderFiles(dir string) []string {
	var files []string
	seen := map[string]bool{}
	var walk func(dir string)
	walk = func(dir string) {
		real, err := filepath.EvalSymlinks(dir)
		if err != nil {
			in.problem("%s: %v", dir, err)
			return
		}
		if seen[real] {
			in.note("%s: skipped: a link to a folder already read (%s)", dir, real)
			return
		}
		seen[real] = true
		entries, err := os.ReadDir(dir)
		if err != nil {
			in.problem("%s: %v", dir, err)
			return
		}
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			mode := e.Type()
			if mode&fs.ModeSymlink != 0 {
				fi, err := os.Stat(p)
				if err != nil {
					in.problem("%s: broken link: %v", p, err)
					continue
				}
				mode = fi.Mode().Type()
			}
			switch {
			case mode.IsDir():
				walk(p)
			case !mode.IsRegular():
			case strings.HasSuffix(e.Name(), ".gold.json"):
			case extractDocExts[strings.ToLower(filepath.Ext(p))] || extractFeedExts[strings.ToLower(filepath.Ext(p))]:
				files = append(files, p)
			}
		}
	}
	walk(dir)
	sort.Strings(files)
	return files
}

// read returns the documents of one file: the items of a feed, or the file
// as one document. A file named on the command line is read as a document
// when it is no feed, whatever its extension; in a folder, a feed file
// that is no feed is passed over with a note.
func (in *extractInputs) read(p string, explicit bool) []extractDoc {
	one := func() []extractDoc {
		a, err := source.ReadFile(p)
		return []extractDoc{{path: p, name: source.DocName(p), article: a, err: err}}
	}
	head, err := readHead(p, feedSniffBytes)
	if err != nil {
		return []extractDoc{{path: p, name: source.DocName(p), err: err}}
	}
	isFeedExt := extractFeedExts[strings.ToLower(filepath.Ext(p))]
	if !source.LooksLikeFeed(head) {
		if isFeedExt && !explicit {
			in.note("%s: skipped: not an RSS, Atom or JSON feed", p)
			return nil
		}
		return one()
	}
	data, err := readLimited(p, maxFeedBytes)
	if err != nil {
		return []extractDoc{{path: p, name: source.DocName(p), err: err}}
	}
	f, err := source.ParseFeed(data, "")
	switch {
	case err != nil && (!isFeedExt || explicit) && !errors.Is(err, source.ErrEmpty):
		return one() // text that merely starts like a feed
	case err != nil:
		return []extractDoc{{path: p, name: source.DocName(p), err: fmt.Errorf("%s: %w", p, err)}}
	case len(f.Items) == 0:
		if explicit {
			in.problem("%s: a feed with no items", p)
		} else {
			in.note("%s: skipped: no feed items in it", p)
		}
		return nil
	}
	return feedDocs(p, f)
}

// feedDocs turns each item of a feed into a document named after the feed
// file and the item's number ("world#3"), with its own title, date and URL.
// An item without full text is read from its summary, or else its title:
// extract fetches no pages.
func feedDocs(p string, f source.Feed) []extractDoc {
	docs := make([]extractDoc, 0, len(f.Items))
	base := source.DocName(p)
	for i, it := range f.Items {
		n := strconv.Itoa(i + 1)
		a, err := it.Article("file")
		if errors.Is(err, source.ErrNoContent) {
			a, err = it.SummaryArticle("file")
		}
		if errors.Is(err, source.ErrNoContent) && strings.TrimSpace(it.Title) != "" {
			a, err = titleArticle(it), nil
		}
		if err != nil {
			err = fmt.Errorf("feed item %s: %w", n, err)
		}
		a.Name = base + "#" + n
		docs = append(docs, extractDoc{path: p + "#" + n, name: a.Name, article: a, err: err})
	}
	return docs
}

// titleArticle is the article of a feed item that carries nothing but its
// title (and link): the title is its text.
func titleArticle(it source.FeedItem) schemas.Article {
	sum := sha256.Sum256([]byte(it.Title))
	hash := hex.EncodeToString(sum[:])
	return schemas.Article{
		Schema: schemas.ArticleV1, ID: source.ArticleID(it.Key(), hash), Source: "file", URL: it.Link,
		Title: it.Title, Published: it.Published, Lang: it.Lang, Format: schemas.FormatText, ContentHash: hash,
	}
}

// readHead reads up to n bytes from the start of a file.
func readHead(p string, n int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}

// readLimited reads a file of at most limit bytes, refusing a larger one
// before reading it.
func readLimited(p string, limit int64) ([]byte, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if fi.Size() > limit {
		return nil, fmt.Errorf("%s: %d bytes is over the %d-byte limit of a feed: %w", p, fi.Size(), limit, source.ErrTooLarge)
	}
	return os.ReadFile(p)
}

// extractFailure says what went wrong in a run of extract.
func extractFailure(failed, docs, problems int) error {
	var parts []string
	if failed > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d documents could not be extracted", failed, docs))
	}
	if problems > 0 {
		parts = append(parts, fmt.Sprintf("%d inputs with nothing to extract (see above)", problems))
	}
	return errors.New(strings.Join(parts, "; "))
}
