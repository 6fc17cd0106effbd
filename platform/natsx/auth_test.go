package natsx_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/jwt/v2"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nkeys"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/tlstest"
)

// startServer starts a real NATS server with JetStream and the given
// authentication on a random loopback port.
func startServer(t *testing.T, opts *server.Options) *server.Server {
	t.Helper()
	opts.Host, opts.Port = "127.0.0.1", -1
	opts.JetStream, opts.StoreDir = true, t.TempDir()
	opts.NoLog, opts.NoSigs = true, true
	s, err := server.NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats server not ready")
	}
	t.Cleanup(s.Shutdown)
	return s
}

// connects reports whether natsx.Connect reaches JetStream with cfg; the
// error, when there is one, must name no secret.
func connects(t *testing.T, cfg natsx.Config, secrets ...string) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	nc, js, err := natsx.Connect(ctx, cfg, quiet())
	if err != nil {
		for _, s := range secrets {
			if s != "" && strings.Contains(err.Error(), s) {
				t.Errorf("the error shows a secret: %v", err)
			}
		}
		return err
	}
	defer nc.Close()
	// Connected through JetStream: declare the topology and publish.
	if err := (natsx.Topology{}).Ensure(ctx, js); err != nil {
		t.Fatalf("declaring the topology: %v", err)
	}
	return nil
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestConnectWithMutualTLS(t *testing.T) {
	ca := tlstest.NewCA(t)
	srvCert, client := ca.Server(t, "nats"), ca.Client(t, "client")
	tlsCfg, err := server.GenTLSConfig(&server.TLSConfigOpts{CertFile: srvCert.CertFile, KeyFile: srvCert.KeyFile, CaFile: ca.CertFile, Verify: true})
	if err != nil {
		t.Fatal(err)
	}
	s := startServer(t, &server.Options{TLSConfig: tlsCfg, TLS: true, TLSVerify: true, TLSTimeout: 5})
	url := "tls://127.0.0.1:" + strings.TrimPrefix(s.ClientURL()[strings.LastIndexByte(s.ClientURL(), ':'):], ":")
	if err := connects(t, natsx.Config{URL: url, CAFile: ca.CertFile, CertFile: client.CertFile, KeyFile: client.KeyFile}); err != nil {
		t.Fatalf("with the CA and a client certificate: %v", err)
	}
	if err := connects(t, natsx.Config{URL: url, CAFile: ca.CertFile}); err == nil {
		t.Error("connected without a client certificate to a server that requires one")
	}
	if err := connects(t, natsx.Config{URL: url, CertFile: client.CertFile, KeyFile: client.KeyFile}); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("without NATS_CA the server's certificate must be refused: %v", err)
	}
}

func TestConnectWithAToken(t *testing.T) {
	const token = "s3cret-token-of-this-test"
	s := startServer(t, &server.Options{Authorization: token})
	if err := connects(t, natsx.Config{URL: s.ClientURL(), Token: token}); err != nil {
		t.Fatalf("with the token: %v", err)
	}
	err := connects(t, natsx.Config{URL: s.ClientURL(), Token: "not-the-token-x"}, "not-the-token-x", token)
	if err == nil || !strings.Contains(err.Error(), "authorization refused") {
		t.Errorf("a wrong token: %v", err)
	}
	// The token given in the URL, as NATS allows.
	url := strings.Replace(s.ClientURL(), "nats://", "nats://"+token+"@", 1)
	if err := connects(t, natsx.Config{URL: url}); err != nil {
		t.Fatalf("with the token in the URL: %v", err)
	}
}

func TestConnectWithAnNKey(t *testing.T) {
	user, err := nkeys.CreateUser()
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := user.PublicKey()
	seed, _ := user.Seed()
	s := startServer(t, &server.Options{Nkeys: []*server.NkeyUser{{Nkey: pub}}})
	seedFile := writeFile(t, "user.nk", string(seed))
	if err := connects(t, natsx.Config{URL: s.ClientURL(), NKeySeed: seedFile}); err != nil {
		t.Fatalf("with the NKey seed: %v", err)
	}
	other, _ := nkeys.CreateUser()
	otherSeed, _ := other.Seed()
	if err := connects(t, natsx.Config{URL: s.ClientURL(), NKeySeed: writeFile(t, "other.nk", string(otherSeed))}, string(otherSeed)); err == nil {
		t.Error("connected with an NKey the server does not know")
	}
	if err := connects(t, natsx.Config{URL: s.ClientURL(), NKeySeed: writeFile(t, "junk.nk", "not a seed at all")}, "not a seed at all"); err == nil || !strings.Contains(err.Error(), "NATS_NKEY_SEED") {
		t.Errorf("a file that holds no seed: %v", err)
	}
}

// TestConnectWithACredentialsFile runs the server in operator mode (JWTs
// of an operator, an account with JetStream, and a user) and connects with
// the user's credentials file.
func TestConnectWithACredentialsFile(t *testing.T) {
	opKP, _ := nkeys.CreateOperator()
	opPub, _ := opKP.PublicKey()
	opClaims := jwt.NewOperatorClaims(opPub)
	opJWT, err := opClaims.Encode(opKP)
	if err != nil {
		t.Fatal(err)
	}
	op, err := jwt.DecodeOperatorClaims(opJWT)
	if err != nil {
		t.Fatal(err)
	}
	account := func(name string, js bool) (nkeys.KeyPair, string, string) {
		kp, _ := nkeys.CreateAccount()
		pub, _ := kp.PublicKey()
		c := jwt.NewAccountClaims(pub)
		c.Name = name
		if js {
			c.Limits.JetStreamLimits = jwt.JetStreamLimits{MemoryStorage: -1, DiskStorage: -1, Streams: -1, Consumer: -1}
		}
		j, err := c.Encode(opKP)
		if err != nil {
			t.Fatal(err)
		}
		return kp, pub, j
	}
	_, sysPub, sysJWT := account("SYS", false)
	accKP, accPub, accJWT := account("DIPLOGRAPH", true)
	resolver := &server.MemAccResolver{}
	for pub, j := range map[string]string{sysPub: sysJWT, accPub: accJWT} {
		if err := resolver.Store(pub, j); err != nil {
			t.Fatal(err)
		}
	}
	creds := func(kp nkeys.KeyPair) string {
		userKP, _ := nkeys.CreateUser()
		userPub, _ := userKP.PublicKey()
		uc := jwt.NewUserClaims(userPub)
		userJWT, err := uc.Encode(kp)
		if err != nil {
			t.Fatal(err)
		}
		seed, _ := userKP.Seed()
		data, err := jwt.FormatUserConfig(userJWT, seed)
		if err != nil {
			t.Fatal(err)
		}
		return writeFile(t, "user.creds", string(data))
	}
	s := startServer(t, &server.Options{TrustedOperators: []*jwt.OperatorClaims{op}, AccountResolver: resolver, SystemAccount: sysPub})
	if err := connects(t, natsx.Config{URL: s.ClientURL(), Creds: creds(accKP)}); err != nil {
		t.Fatalf("with the credentials file: %v", err)
	}
	strangerKP, _ := nkeys.CreateAccount()
	if err := connects(t, natsx.Config{URL: s.ClientURL(), Creds: creds(strangerKP)}); err == nil {
		t.Error("connected with the credentials of an account the operator never signed")
	}
}
