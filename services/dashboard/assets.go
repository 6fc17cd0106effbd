package dashboard

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
)

// Assets are the built pages, styles and scripts (web/build.sh writes
// them from web/src), embedded so that the binary needs no files and
// building it needs no npm.
//
//go:embed assets
var Assets embed.FS

// asset is a file ready to serve: its type, its body plain and gzipped,
// and an ETag from its content.
type asset struct {
	typ        string
	body, gzip []byte
	etag       string
}

var (
	assetsOnce sync.Once
	assetFiles map[string]*asset
)

// loadAssets reads and compresses the embedded files once.
func loadAssets() map[string]*asset {
	assetsOnce.Do(func() {
		assetFiles = map[string]*asset{}
		_ = fs.WalkDir(Assets, "assets", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			body, err := Assets.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(body)
			a := &asset{typ: mime.TypeByExtension(path.Ext(p)), body: body, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
			if a.typ == "" {
				a.typ = "application/octet-stream"
			}
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			_, _ = zw.Write(body)
			_ = zw.Close()
			if buf.Len() < len(body) {
				a.gzip = buf.Bytes()
			}
			assetFiles[strings.TrimPrefix(p, "assets/")] = a
			return nil
		})
	})
	return assetFiles
}

// serve writes an asset, gzipped when the client takes it, or 304 when
// the client holds this version. The browser asks again each time (the
// names carry no version), which costs a 304.
func (a *asset) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", a.typ)
	h.Set("ETag", a.etag)
	h.Set("Cache-Control", "no-cache")
	h.Add("Vary", "Accept-Encoding")
	if r.Header.Get("If-None-Match") == a.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := a.body
	if a.gzip != nil && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Encoding", "gzip")
		body = a.gzip
	}
	_, _ = w.Write(body)
}

func assetHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a := loadAssets()[r.PathValue("file")]
		if a == nil || r.PathValue("file") == "index.html" {
			http.NotFound(w, r)
			return
		}
		a.serve(w, r)
	})
}

// servePage serves the one document of every page.
func servePage(w http.ResponseWriter, r *http.Request) {
	a := loadAssets()["index.html"]
	if a == nil {
		http.Error(w, "dashboard assets missing: run services/dashboard/web/build.sh", http.StatusInternalServerError)
		return
	}
	a.serve(w, r)
}
