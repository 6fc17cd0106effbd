package source

import (
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that identify a campaign or a click,
// not a document; CanonicalURL drops them. Prefixes end with '_'.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "msclkid": true,
	"yclid": true, "igshid": true, "mc_cid": true, "mc_eid": true, "_ga": true,
	"_gl": true, "_hsenc": true, "_hsmi": true, "mkt_tok": true, "oly_anon_id": true,
	"oly_enc_id": true, "vero_id": true, "wickedid": true, "twclid": true, "ttclid": true,
	"li_fat_id": true, "s_cid": true, "cmpid": true, "ocid": true, "ref_src": true,
	"ref_url": true,
}

// CanonicalURL returns the form of raw under which the same document is
// recognised however it was linked: scheme and host lower-cased, default
// ports, fragments and tracking parameters (utm_*, fbclid, gclid, …) dropped,
// the remaining query parameters sorted. Input that is not an absolute
// http(s) URL is returned trimmed and otherwise unchanged.
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return raw
	}
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	host = strings.TrimRight(host, ".")
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	if u.RawQuery != "" {
		q, err := url.ParseQuery(u.RawQuery)
		if err == nil {
			for k := range q {
				lk := strings.ToLower(k)
				if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
					q.Del(k)
				}
			}
			u.RawQuery = encodeSorted(q)
		}
	}
	u.ForceQuery = false
	return u.String()
}

// encodeSorted is url.Values.Encode with the values of a key kept in
// their order (Encode already sorts keys).
func encodeSorted(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		for _, v := range q[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(k))
			b.WriteByte('=')
			b.WriteString(url.QueryEscape(v))
		}
	}
	return b.String()
}

// Key is the identity of an article across fetches, under which its
// versions are tracked: its canonical URL, or "name:" and its name for a
// local input without a URL.
func Key(rawURL, name string) string {
	if strings.TrimSpace(rawURL) != "" {
		return CanonicalURL(rawURL)
	}
	return "name:" + name
}
