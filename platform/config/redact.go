package config

import (
	"net/url"
	"strings"
)

// masked stands where a credential was.
const masked = "xxxxx"

// unparseable stands for a URL that did not parse: its text is never
// echoed, since the part that broke it may be a password.
const unparseable = "<unparseable URL>"

// RedactURL returns raw, a URL or a comma-separated list of URLs (spaces
// around the commas allowed), with every credential hidden: the password of
// user:password, a token given as the user, and query values. An entry that
// does not parse as scheme://host is replaced, not echoed.
func RedactURL(raw string) string {
	if strings.TrimSpace(raw) == "" {
		return raw
	}
	parts := strings.Split(raw, ",")
	for i, p := range parts {
		parts[i] = redactOne(strings.TrimSpace(p))
	}
	return strings.Join(parts, ",")
}

func redactOne(s string) string {
	if s == "" {
		return s
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || u.Host == "" || u.Opaque != "" {
		return unparseable
	}
	if u.User != nil {
		if _, hasPassword := u.User.Password(); hasPassword {
			u.User = url.UserPassword(u.User.Username(), masked)
		} else {
			// A user without a password is how NATS URLs carry a token.
			u.User = url.User(masked)
		}
	}
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			q[k] = []string{masked}
		}
		u.RawQuery = q.Encode()
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}
