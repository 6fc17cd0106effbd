package natsx_test

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nats-io/nkeys"

	"github.com/diplograph/diplograph/platform/natsx"
)

func TestAListenAddressThatIsTakenIsRefusedAtOnce(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, _, err = natsx.Listen(l.Addr().String())
	if !errors.Is(err, natsx.ErrAddrInUse) || !strings.Contains(err.Error(), "NATS_LISTEN") {
		t.Fatalf("err = %v, want ErrAddrInUse naming NATS_LISTEN", err)
	}
}

func TestListenAddresses(t *testing.T) {
	cases := []struct {
		name, addr string
		host       string
		port       int
		bad        bool
	}{
		{"port 0 asks for any free port", "127.0.0.1:0", "127.0.0.1", -1, false},
		{"a missing host listens everywhere", ":0", "0.0.0.0", -1, false},
		{"no port is an error", "127.0.0.1", "", 0, true},
		{"a port out of range is an error", "127.0.0.1:70000", "", 0, true},
		{"a named port is an error", "127.0.0.1:nats", "", 0, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			host, port, err := natsx.Listen(tc.addr)
			if tc.bad {
				if err == nil || !strings.Contains(err.Error(), "NATS_LISTEN") {
					t.Fatalf("err = %v, want an error naming NATS_LISTEN", err)
				}
				return
			}
			if err != nil || host != tc.host || port != tc.port {
				t.Fatalf("Listen(%q) = %q, %d, %v; want %q, %d", tc.addr, host, port, err, tc.host, tc.port)
			}
		})
	}
	// A free fixed port is accepted as it is.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	free := l.Addr().(*net.TCPAddr).Port
	l.Close()
	if _, port, err := natsx.Listen("127.0.0.1:" + strconv.Itoa(free)); err != nil || port != free {
		t.Fatalf("a free port: %d, %v", port, err)
	}
}

// The embedded server asks other clients for what diplograph presents.
func TestTheEmbeddedServerRequiresTheClientsAuthentication(t *testing.T) {
	kp, err := nkeys.CreateUser()
	if err != nil {
		t.Fatal(err)
	}
	seed, _ := kp.Seed()
	seedFile := filepath.Join(t.TempDir(), "user.nk")
	if err := os.WriteFile(seedFile, seed, 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name        string
		auth, wrong natsx.Config
	}{
		{"user and password", natsx.Config{User: "app", Password: "s3cret-pw"}, natsx.Config{User: "app", Password: "nope"}},
		{"a token", natsx.Config{Token: "t0ken-123"}, natsx.Config{Token: "other"}},
		{"an NKey seed", natsx.Config{NKeySeed: seedFile}, natsx.Config{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := natsx.EmbeddedConfig{Port: -1, StoreDir: t.TempDir()}
			if err := natsx.ServeAuth(&cfg, tc.auth); err != nil {
				t.Fatal(err)
			}
			if !cfg.Authenticated() {
				t.Fatal("the server config asks for nothing")
			}
			srv, err := natsx.StartEmbedded(cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer srv.Shutdown()
			ctx := context.Background()
			good := tc.auth
			good.URL = srv.ClientURL()
			nc, _, err := natsx.Connect(ctx, good, quiet())
			if err != nil {
				t.Fatalf("the right credentials are refused: %v", err)
			}
			nc.Close()
			bad := tc.wrong
			bad.URL = srv.ClientURL()
			if nc, _, err := natsx.Connect(ctx, bad, quiet()); err == nil {
				nc.Close()
				t.Fatal("wrong credentials are accepted")
			}
			anon := natsx.Config{URL: srv.ClientURL()}
			if nc, _, err := natsx.Connect(ctx, anon, quiet()); err == nil {
				nc.Close()
				t.Fatal("a client without credentials is accepted")
			}
		})
	}
}

func TestACredentialsFileCannotGuardTheEmbeddedServer(t *testing.T) {
	var cfg natsx.EmbeddedConfig
	err := natsx.ServeAuth(&cfg, natsx.Config{Creds: "user.creds"})
	if err == nil || !strings.Contains(err.Error(), "NATS_CREDS") {
		t.Fatalf("err = %v, want one naming NATS_CREDS", err)
	}
}
