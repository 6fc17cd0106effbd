package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/diplograph/diplograph/schemas"
)

// TestExtractReadsFilesInOtherEncodings extracts a GBK page that declares
// its charset and an English text in UTF-16 with a byte-order mark: both
// are read as text (not rejected as binary) and yield their claims.
func TestExtractReadsFilesInOtherEncodings(t *testing.T) {
	clearSettings(t)
	dir := t.TempDir()
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("日本坚决反对经济胁迫。")
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("France strongly opposes the use of economic coercion against its partners.\n")
	files := map[string]string{
		"gbk.html":  `<html><head><meta charset="gbk"></head><body><p>` + gbk + `</p></body></html>`,
		"utf16.txt": u16,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	if err := dispatch(context.Background(), []string{"extract", dir}, &out, &errb); err != nil {
		t.Fatalf("extract: %v\n%s", err, errb.String())
	}
	got := map[string]schemas.Extraction{}
	dec := json.NewDecoder(&out)
	for dec.More() {
		var x schemas.Extraction
		if err := dec.Decode(&x); err != nil {
			t.Fatal(err)
		}
		got[x.Doc] = x
	}
	for doc, actor := range map[string]string{"gbk": "JPN", "utf16": "FRA"} {
		x := got[doc]
		if x.Error != nil {
			t.Errorf("%s: %s: %s", doc, x.Error.Code, x.Error.Message)
			continue
		}
		found := false
		for _, c := range x.Claims {
			if c.Predicate == "oppose" && strings.Contains(strings.Join(c.Actors, ","), actor) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no claim of %s opposing; claims %+v", doc, actor, x.Claims)
		}
	}
}
