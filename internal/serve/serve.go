// Package serve serves a built site over HTTP, as the ruqsat serve command
// and the browser tests do: the root redirects to the default language,
// WebAssembly gets its media type, and precompressed files are used.
package serve

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// Site serves a built site: the root redirects to the default
// language, .wasm gets its media type, and a precompressed .br or .gz
// sibling is served when the browser accepts it.
func Site(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			http.Redirect(w, r, "/ru/", http.StatusFound)
			return
		}
		p := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(r.URL.Path, "/")))
		ae := r.Header.Get("Accept-Encoding")
		for _, enc := range []struct{ ext, name string }{{".br", "br"}, {".gz", "gzip"}} {
			if !strings.Contains(ae, enc.name) {
				continue
			}
			if st, err := os.Stat(p + enc.ext); err == nil && !st.IsDir() {
				if ct := mediaType(p); ct != "" {
					w.Header().Set("Content-Type", ct)
				}
				w.Header().Set("Content-Encoding", enc.name)
				w.Header().Add("Vary", "Accept-Encoding")
				http.ServeFile(w, r, p+enc.ext)
				return
			}
		}
		if ct := mediaType(p); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		files.ServeHTTP(w, r)
	})
}

func mediaType(p string) string {
	switch filepath.Ext(p) {
	case ".wasm":
		return "application/wasm"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".xml":
		return "application/atom+xml; charset=utf-8"
	}
	return ""
}
