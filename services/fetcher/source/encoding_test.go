package source

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/diplograph/diplograph/platform/limits"
)

// zhText is Chinese prose written for this test, long enough for an
// encoding to be recognised without a declaration.
const zhText = "外交部发言人今天在例行记者会上表示，中方坚决反对任何形式的经济胁迫，" +
	"愿同各方一道维护多边贸易体制，推动构建开放型世界经济。双方同意加强在气候变化、" +
	"公共卫生和地区安全等领域的沟通与协调，共同应对全球性挑战。"

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLocalFilesInOtherEncodingsAreDecoded(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"GBK declared by <meta charset>", append([]byte(`<html><head><meta charset="gbk"><title>t</title></head><body><p>`), append(encode(t, simplifiedchinese.GBK, zhText), []byte("</p></body></html>")...)...), "中方坚决反对任何形式的经济胁迫"},
		{"GBK without any declaration", encode(t, simplifiedchinese.GBK, zhText), "双方同意加强在气候变化"},
		{"Big5 without any declaration", encode(t, traditionalchinese.Big5, "外交部發言人今天在例行記者會上表示，中方堅決反對任何形式的經濟脅迫，願同各方一道維護多邊貿易體制，推動構建開放型世界經濟。雙方同意加強在氣候變化、公共衛生和地區安全等領域的溝通與協調。"), "中方堅決反對"},
		{"UTF-16 little-endian with a byte-order mark", encode(t, utf16le, "Japan and France agreed to deepen their cooperation. "+zhText), "中方坚决反对"},
		{"UTF-16 big-endian with a byte-order mark", encode(t, utf16be, "<p>"+zhText+"</p>"), "中方坚决反对"},
		{"UTF-8 with a byte-order mark", append([]byte{0xEF, 0xBB, 0xBF}, []byte(zhText)...), "中方坚决反对"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("n", tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Body, tc.want) || strings.ContainsRune(a.Body, '\uFFFD') || strings.ContainsRune(a.Body, 0) {
				t.Errorf("body %q, want it to contain %q and no replacement character", a.Body[:min(len(a.Body), 200)], tc.want)
			}
		})
	}
}

func TestAGBKPageDeclaredAfterALongHeadIsStillDecoded(t *testing.T) {
	head := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=GB2312"><title>t</title>` + strings.Repeat(`<meta name="x" content="y">`, 50) + `</head><body><p>`
	a, err := Parse("n", append([]byte(head), append(encode(t, simplifiedchinese.GBK, zhText), []byte("</p></body></html>")...)...))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "中方坚决反对") {
		t.Errorf("body %q", a.Body)
	}
}

// TestAFileOverTheDocumentLimitIsRefusedBeforeItIsRead gives ReadFile a
// file over limits.Document: it is refused with the limit named, and
// without reading it (the allocations stay far below its size).
func TestAFileOverTheDocumentLimitIsRefusedBeforeItIsRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	line := []byte(strings.Repeat("The two sides agreed to deepen their cooperation. ", 20) + "\n")
	for written := 0; written < 15<<20; written += len(line) {
		if _, err := f.Write(line); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = ReadFile(path)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "document limit") || !strings.Contains(err.Error(), "4 MiB") {
		t.Fatalf("err = %v, want one naming the 4 MiB document limit", err)
	}
	if !errors.Is(err, limits.ErrTooLarge) {
		t.Errorf("err = %v does not wrap limits.ErrTooLarge", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("refusing a 15 MiB file allocated %d bytes: it was read first", alloc)
	}
}
