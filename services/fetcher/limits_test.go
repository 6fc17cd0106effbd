package fetcher

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/diplograph/diplograph/platform/limits"
)

// TestADocumentOverTheLimitFailsAtOnceNamingIt ingests a 9 MiB document
// beside a small one into a real JetStream: the large one fails as
// too_large, naming the document limit, before anything is published; the
// small one is published.
func TestADocumentOverTheLimitFailsAtOnceNamingIt(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("The two sides agreed to deepen their cooperation on maritime security. ", 9<<20/72)
	if err := os.WriteFile(filepath.Join(dir, "big.txt"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "small.txt"), []byte("Japan and France agreed to deepen their cooperation."), 0o644); err != nil {
		t.Fatal(err)
	}
	js := startJetStream(t)
	pub, err := NewJetStreamPublisher(js)
	if err != nil {
		t.Fatal(err)
	}
	dlq := &recordedDLQ{}
	s, err := Ingest(context.Background(), pub, []string{dir}, IngestOptions{DeadLetter: dlq.record})
	if err != nil {
		t.Fatal(err)
	}
	if s.Published != 1 || s.Failed != 1 {
		t.Fatalf("%+v, want the small document published and the large one failed", s)
	}
	f := s.Failures[0]
	if f.Reason != ReasonTooLarge || !errors.Is(f.Err, limits.ErrTooLarge) || !strings.Contains(f.Err.Error(), "4 MiB document limit") {
		t.Fatalf("failure %s: %v, want too_large naming the 4 MiB document limit", f.Reason, f.Err)
	}
}

// TestIngestPublishesLocalFilesInOtherEncodingsAsTheirText publishes GBK
// and UTF-16 files: the articles hold the text, not replacement characters.
func TestIngestPublishesLocalFilesInOtherEncodingsAsTheirText(t *testing.T) {
	dir := t.TempDir()
	zh := "外交部发言人今天表示，中方坚决反对任何形式的经济胁迫，愿同各方一道维护多边贸易体制，推动构建开放型世界经济。双方同意加强在气候变化和公共卫生等领域的沟通与协调。"
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(zh)
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("<p>" + zh + "</p>")
	for name, data := range map[string]string{
		"meta.html": `<html><head><meta charset="gbk"></head><body><p>` + gbk + `</p></body></html>`,
		"bare.txt":  gbk,
		"u16.html":  u16,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pub := newMemPublisher()
	s, err := Ingest(context.Background(), pub, []string{dir}, IngestOptions{})
	if err != nil || s.Published != 3 {
		t.Fatalf("%+v, %v; want 3 published", s, err)
	}
	for _, a := range pub.published() {
		if !strings.Contains(a.Body, "中方坚决反对任何形式的经济胁迫") || strings.ContainsRune(a.Body, '\uFFFD') {
			t.Errorf("%s: body %q", a.Name, a.Body[:min(200, len(a.Body))])
		}
	}
}
