// Package gen holds the merge rules of the lexicon's generators
// (gen_countries.go, gen_people.go), so that they can be tested. The
// generators themselves are `go run` programs with the ignore build tag.
package gen

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"unicode"
)

// Table is a TSV data file: a header and rows addressed by column name,
// in file order. Comment lines are kept in place.
type Table struct {
	Header []string
	Rows   []Row
}

// Row is one line of a Table. A comment line has only Comment set.
type Row struct {
	Fields  map[string]string
	Comment string
}

// Get returns the field of column col.
func (r Row) Get(col string) string { return r.Fields[col] }

// ReadTable reads a TSV file; a missing file is an empty table with header.
func ReadTable(path string, header []string) (*Table, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Table{Header: header}, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseTable(string(data))
}

// ParseTable parses TSV text with a header line.
func ParseTable(text string) (*Table, error) {
	t := &Table{}
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		line = strings.TrimRight(line, "\r")
		if t.Header == nil {
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			t.Header = strings.Split(line, "\t")
			continue
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			t.Rows = append(t.Rows, Row{Comment: line})
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) > len(t.Header) {
			return nil, fmt.Errorf("row %q has %d fields, header %d", line, len(fields), len(t.Header))
		}
		r := Row{Fields: map[string]string{}}
		for i, f := range fields {
			r.Fields[t.Header[i]] = f
		}
		t.Rows = append(t.Rows, r)
	}
	if t.Header == nil {
		return nil, errors.New("no header line")
	}
	return t, nil
}

// String renders the table as TSV.
func (t *Table) String() string {
	var b strings.Builder
	b.WriteString(strings.Join(t.Header, "\t"))
	b.WriteByte('\n')
	for _, r := range t.Rows {
		if r.Fields == nil {
			b.WriteString(r.Comment)
			b.WriteByte('\n')
			continue
		}
		fields := make([]string, len(t.Header))
		for i, h := range t.Header {
			fields[i] = r.Fields[h]
		}
		b.WriteString(strings.Join(fields, "\t"))
		b.WriteByte('\n')
	}
	return b.String()
}

// Write writes the table to path.
func (t *Table) Write(path string) error {
	return os.WriteFile(path, []byte(t.String()), 0o644)
}

// Index returns the position of the row whose column col is v, or -1.
func (t *Table) Index(col, v string) int {
	return slices.IndexFunc(t.Rows, func(r Row) bool { return r.Fields != nil && r.Fields[col] == v })
}

// Split returns the '|'-separated values of a field, trimmed, empty ones dropped.
func Split(field string) []string {
	var out []string
	for _, p := range strings.Split(field, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Join appends v to a '|'-separated field.
func Join(field, v string) string {
	if field == "" {
		return v
	}
	return field + "|" + v
}

// Bare drops a language prefix ("ja:", "zh-Hant:", …) from an alias.
func Bare(alias string) string {
	for _, l := range []string{"en:", "zh:", "zh-Hant:", "ja:"} {
		if rest, ok := strings.CutPrefix(alias, l); ok {
			return strings.TrimSpace(rest)
		}
	}
	return alias
}

// NameColumns are the columns of an entity file that hold names.
var NameColumns = []string{"en", "zh", "zh-Hant", "ja", "aliases"}

// Names returns every surface form of an entity row, without language
// prefixes.
func Names(r Row) []string {
	var out []string
	for _, c := range NameColumns {
		for _, n := range Split(r.Fields[c]) {
			if n = Bare(n); !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// Owners maps every name of the entity tables to the ids that carry it.
// The lexicon requires that a name names one entity (per language; the
// generators are stricter and compare names across languages).
type Owners map[string][]string

// AddTable records the names of every row of an entity table.
func (o Owners) AddTable(t *Table) {
	for _, r := range t.Rows {
		if r.Fields == nil {
			continue
		}
		for _, n := range Names(r) {
			o.Add(n, r.Fields["id"])
		}
	}
}

// Add records that id carries name.
func (o Owners) Add(name, id string) {
	if !slices.Contains(o[name], id) {
		o[name] = append(o[name], id)
	}
}

// Other reports whether name belongs to an entity other than id.
func (o Owners) Other(name, id string) bool {
	return slices.ContainsFunc(o[name], func(x string) bool { return x != id })
}

// Fold drops diacritics from Latin letters (Bogotá -> Bogota), for the
// ASCII spellings that news wires use. It returns s unchanged when s has
// letters it cannot fold.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 {
			b.WriteRune(r)
			continue
		}
		f, ok := fold[r]
		if !ok {
			if unicode.IsLetter(r) {
				return s
			}
			continue
		}
		b.WriteString(f)
	}
	return b.String()
}

var fold = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'ā': "a", 'ă': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ě': "e", 'ę': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ī': "i",
	'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'ō': "o", 'ø': "o", 'ő': "o",
	'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u",
	'ç': "c", 'č': "c", 'ć': "c", 'ș': "s", 'ş': "s", 'š': "s", 'ś': "s",
	'ț': "t", 'ţ': "t", 'ž': "z", 'ź': "z", 'ż': "z", 'ñ': "n", 'ń': "n", 'ň': "n",
	'ř': "r", 'ý': "y", 'ğ': "g", 'ł': "l", 'đ': "d", 'ı': "i",
	'Á': "A", 'É': "E", 'Í': "I", 'Ó': "O", 'Ú': "U", 'Ç': "C", 'Č': "C", 'Š': "S",
	'Ž': "Z", 'Ö': "O", 'Ü': "U", 'Ş': "S", 'Ș': "S", 'Ł': "L", 'Ø': "O", 'Å': "A", 'İ': "I",
	'’': "'", '‘': "'",
}

// GeneratedMarker starts the part of a data file that a generator
// rewrites on every run; the rows above it are curated and kept.
const GeneratedMarker = "# generated below this line by "

// CutGenerated drops the marker line of generator gen and every row
// after it, and returns the number of rows kept.
func (t *Table) CutGenerated(gen string) int {
	for i, r := range t.Rows {
		if r.Fields == nil && r.Comment == GeneratedMarker+gen {
			t.Rows = t.Rows[:i]
			break
		}
	}
	return len(t.Rows)
}

// MarkGenerated inserts the marker line of generator gen before row i,
// when rows follow it.
func (t *Table) MarkGenerated(gen string, i int) {
	if i >= len(t.Rows) {
		return
	}
	t.Rows = slices.Insert(t.Rows, i, Row{Comment: GeneratedMarker + gen})
}
