package natsx

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"

	"github.com/nats-io/nkeys"
)

// ErrAddrInUse reports that the address the embedded server should listen
// on is taken.
var ErrAddrInUse = errors.New("address in use")

// Listen parses a listen address such as "127.0.0.1:4222" for
// EmbeddedConfig, and checks at once that it is free, so that a second copy
// of diplograph fails with a clear message instead of a timeout. Port 0
// means any free port.
func Listen(addr string) (host string, port int, err error) {
	h, p, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, fmt.Errorf("NATS_LISTEN %q: want host:port, such as 127.0.0.1:4222", addr)
	}
	port, err = strconv.Atoi(p)
	if err != nil || port < 0 || port > 65535 {
		return "", 0, fmt.Errorf("NATS_LISTEN %q: port %q is not a number from 0 to 65535", addr, p)
	}
	if h == "" {
		h = "0.0.0.0"
	}
	if port == 0 {
		return h, -1, nil
	}
	l, err := net.Listen("tcp", net.JoinHostPort(h, p))
	if err != nil {
		var se *os.SyscallError
		if errors.As(err, &se) && se.Syscall == "bind" {
			return "", 0, fmt.Errorf("NATS_LISTEN %s: %w (another diplograph or NATS server?); give --nats-listen another address, host:0 for any free port, or --nats-url to use that server: %v", addr, ErrAddrInUse, err)
		}
		return "", 0, fmt.Errorf("NATS_LISTEN %s: %w", addr, err)
	}
	_ = l.Close()
	return h, port, nil
}

// ServeAuth sets the embedded server's authentication from the client
// settings, so that the server asks of its other clients what diplograph
// itself presents: NATS_USER and NATS_PASSWORD, NATS_TOKEN, or the NKey of
// NATS_NKEY_SEED. A credentials file (NATS_CREDS) needs an operator's
// account server, which the embedded server has not, and is refused.
func ServeAuth(cfg *EmbeddedConfig, c Config) error {
	if c.Creds != "" {
		return errors.New("NATS_CREDS: the embedded NATS server cannot check a credentials file (JWT); use NATS_USER and NATS_PASSWORD, NATS_TOKEN or NATS_NKEY_SEED, or an external server through NATS_URL")
	}
	if c.Password != "" && c.User == "" {
		return errors.New("NATS_PASSWORD is set without NATS_USER")
	}
	cfg.User, cfg.Password, cfg.Token = c.User, c.Password, c.Token
	if c.NKeySeed != "" {
		seed, err := os.ReadFile(c.NKeySeed)
		if err != nil {
			return fmt.Errorf("NATS_NKEY_SEED: %w", err)
		}
		kp, err := nkeys.ParseDecoratedNKey(seed)
		if err != nil {
			return fmt.Errorf("NATS_NKEY_SEED %s: %w", c.NKeySeed, err)
		}
		pub, err := kp.PublicKey()
		if err != nil {
			return fmt.Errorf("NATS_NKEY_SEED %s: %w", c.NKeySeed, err)
		}
		cfg.NKey = pub
	}
	return nil
}

// Authenticated reports whether the server asks its clients for anything.
func (c EmbeddedConfig) Authenticated() bool {
	return c.User != "" || c.Token != "" || c.NKey != ""
}
