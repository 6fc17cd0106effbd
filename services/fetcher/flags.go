package fetcher

import (
	"flag"
	"fmt"
	"net/netip"
	"regexp"
	"strings"

	"github.com/diplograph/diplograph/platform/config"
)

// BindFlags registers how the fetcher behaves on the web as flags whose
// defaults come from FETCHER_* environment variables: every command that
// fetches (diplograph run and ingest, the fetcher binary) binds the same
// ones, so that one allow-list governs them all. The list is read by Parse.
func (c *HTTPConfig) BindFlags(fs *flag.FlagSet) {
	config.String(fs, &c.UserAgent, "user-agent", "FETCHER_USER_AGENT", "", "User-Agent (default names diplograph)")
	config.String(fs, &c.allowList, "allow", "FETCHER_ALLOW", "", "comma-separated CIDRs, addresses or host names the fetcher may reach although they are private (a cloud metadata address only when named exactly)")
	_ = config.Bool(fs, &c.AllowPrivate, "allow-private", "FETCHER_ALLOW_PRIVATE", false, "allow private, loopback and link-local destinations (never the cloud metadata addresses unless --allow names them)")
}

// Parse reads the allow-list given to BindFlags (after the flags are
// parsed) and checks the settings; the error names the bad one.
func (c *HTTPConfig) Parse() error {
	c.Allow = c.Allow[:0]
	for _, a := range strings.Split(c.allowList, ",") {
		if a = strings.TrimSpace(a); a != "" {
			c.Allow = append(c.Allow, a)
		}
	}
	return c.Validate()
}

var hostName = regexp.MustCompile(`^(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$`)

// Validate reports the first bad setting by its environment variable.
func (c HTTPConfig) Validate() error {
	for _, a := range c.Allow {
		if _, err := netip.ParsePrefix(a); err == nil {
			continue
		}
		if _, err := netip.ParseAddr(a); err == nil {
			continue
		}
		if strings.ContainsAny(a, "/:") || !hostName.MatchString(a) || isNumeric(a) {
			return fmt.Errorf("FETCHER_ALLOW: %q is neither a CIDR, an address nor a host name", a)
		}
	}
	if c.Timeout < 0 {
		return fmt.Errorf("FETCHER_TIMEOUT=%s: want a positive duration", c.Timeout)
	}
	if c.Retries < -1 {
		return fmt.Errorf("FETCHER_RETRIES=%d: want -1 (none) or more", c.Retries)
	}
	return nil
}

// isNumeric reports a dotted string of digits: a mistyped address, not a name.
func isNumeric(s string) bool {
	return strings.Trim(s, "0123456789.") == ""
}
