package natsx

import (
	"flag"

	"github.com/diplograph/diplograph/platform/config"
)

// BindFlags registers the connection settings as flags whose defaults come
// from the NATS_* environment variables; defaultURL is the URL used when
// neither is given.
func (c *Config) BindFlags(fs *flag.FlagSet, defaultURL string) {
	config.URL(fs, &c.URL, "nats-url", "NATS_URL", defaultURL, "NATS server URL(s), comma-separated")
	config.String(fs, &c.User, "nats-user", "NATS_USER", "", "NATS user")
	config.Secret(fs, &c.Password, "nats-password", "NATS_PASSWORD", "", "NATS password")
	config.Secret(fs, &c.Token, "nats-token", "NATS_TOKEN", "", "NATS token")
	config.String(fs, &c.NKeySeed, "nats-nkey", "NATS_NKEY_SEED", "", "path to an NKey seed file")
	config.String(fs, &c.Creds, "nats-creds", "NATS_CREDS", "", "path to a NATS credentials file")
	config.String(fs, &c.CAFile, "nats-ca", "NATS_CA", "", "CA certificate for TLS to NATS")
	config.String(fs, &c.CertFile, "nats-cert", "NATS_CERT", "", "client certificate for TLS to NATS")
	config.String(fs, &c.KeyFile, "nats-key", "NATS_KEY", "", "client key for TLS to NATS")
}
