package systest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/jwt/v2"
	"github.com/nats-io/nkeys"

	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/tlstest"
)

// TestNoSecretIsPrintedByAnyCommand plants a distinct secret in every
// place a setting can come from (flags, environment variables, every URL
// of a list, tokens, NKey and credentials files, a TLS key), runs every
// command and binary with them (--help; against servers that are not
// there; against a NATS and a Neo4j that refuse the credentials; with a
// URL that does not parse), and looks for the secrets in all they print:
// output, log lines and errors.
func TestNoSecretIsPrintedByAnyCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("system test; runs without -short")
	}
	bin := binaries(t)
	dir := t.TempDir()
	input := filepath.Join(dir, "statement.txt")
	if err := os.WriteFile(input, []byte("Japan strongly opposes the use of economic coercion.\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	// Credential files, whose contents are secrets too.
	user, _ := nkeys.CreateUser()
	seed, _ := user.Seed()
	seedFile := filepath.Join(dir, "user.nk")
	writeSecret(t, seedFile, string(seed))
	acct, _ := nkeys.CreateAccount()
	credUser, _ := nkeys.CreateUser()
	credPub, _ := credUser.PublicKey()
	credJWT, err := jwt.NewUserClaims(credPub).Encode(acct)
	if err != nil {
		t.Fatal(err)
	}
	credSeed, _ := credUser.Seed()
	creds, _ := jwt.FormatUserConfig(credJWT, credSeed)
	credsFile := filepath.Join(dir, "user.creds")
	writeSecret(t, credsFile, string(creds))
	client := tlstest.NewCA(t).Client(t, "client")
	keyPEM, _ := os.ReadFile(client.KeyFile)
	keyBody := strings.Split(string(keyPEM), "\n")[1] // a line of the key itself

	secrets := []string{
		"urlpw1secret", "urltoken2secret", "natspw3secret", "natstoken4secret", "neouripw5secret", "neopw6secret",
		"flagpw7secret", "flagneopw8secret", "badurlpw9secret", "refusedpw10secret", "refusedneopw11secret",
		string(seed), credJWT, string(credSeed), keyBody,
	}
	// A NATS that wants other credentials, and the test's Neo4j, asked
	// with a user it does not know (a wrong password for neo4j itself
	// would lock that user out for the other tests).
	refusing, err := natsx.StartEmbedded(natsx.EmbeddedConfig{Port: -1, StoreDir: t.TempDir(), User: "diplo", Password: "the-right-one"})
	if err != nil {
		t.Fatal(err)
	}
	defer refusing.Shutdown()
	natsPort := refusing.ClientURL()[strings.LastIndexByte(refusing.ClientURL(), ':')+1:]
	neo4jURI := os.Getenv("NEO4J_URI")
	if neo4jURI == "" {
		neo4jURI = "bolt://127.0.0.1:7687"
	}
	neoHost := strings.TrimPrefix(neo4jURI, "bolt://")
	gone1, gone2, gone3 := freePort(t), freePort(t), freePort(t)

	scenarios := map[string][]string{
		"servers that are not there": {
			fmt.Sprintf("NATS_URL=nats://u:urlpw1secret@127.0.0.1:%d, nats://urltoken2secret@127.0.0.1:%d", gone1, gone2),
			"NATS_USER=u", "NATS_PASSWORD=natspw3secret", "NATS_TOKEN=natstoken4secret",
			fmt.Sprintf("NEO4J_URI=bolt://neo4j:neouripw5secret@127.0.0.1:%d", gone3), "NEO4J_PASSWORD=neopw6secret",
		},
		"a URL that does not parse": {
			"NATS_URL=nats://127.0.0.1:4222,nats://u:badurlpw9secret%zz@127.0.0.1:4222", "NEO4J_PASSWORD=neopw6secret",
		},
		"credentials refused": {
			"NATS_URL=nats://diplo:refusedpw10secret@127.0.0.1:" + natsPort,
			"NEO4J_URI=bolt://" + neoHost, "NEO4J_USER=leaktest-nobody", "NEO4J_PASSWORD=refusedneopw11secret",
		},
		"an NKey seed refused": {
			"NATS_URL=nats://127.0.0.1:" + natsPort, "NATS_NKEY_SEED=" + seedFile, "NEO4J_PASSWORD=neopw6secret",
		},
		"a credentials file refused": {
			"NATS_URL=nats://127.0.0.1:" + natsPort, "NATS_CREDS=" + credsFile, "NEO4J_PASSWORD=neopw6secret",
		},
		"a TLS key for a server without TLS": {
			"NATS_URL=tls://127.0.0.1:" + natsPort, "NATS_CERT=" + client.CertFile, "NATS_KEY=" + client.KeyFile, "NEO4J_PASSWORD=neopw6secret",
		},
		"the embedded server given a credentials file": {
			"NATS_CREDS=" + credsFile, "NATS_PASSWORD=natspw3secret", "NEO4J_URI=bolt://" + neoHost, "NEO4J_USER=leaktest-nobody", "NEO4J_PASSWORD=refusedneopw11secret",
		},
	}
	dg := filepath.Join(bin, "diplograph")
	data := filepath.Join(dir, "data")
	flags := []string{"--nats-password", "flagpw7secret"}
	commands := [][]string{
		{dg, "run", "--once", "--nats-listen", "127.0.0.1:0", "--health", "", "--data", data, "--neo4j-password", "flagneopw8secret", input},
		{dg, "ingest", "--data", data, input},
		{dg, "dlq", "list", "--data", data},
		{dg, "reprocess", "--all", "--data", data},
		{dg, "query", "RETURN 1"},
		{dg, "claims"},
		{filepath.Join(bin, "fetcher"), "--health", "", input},
		{filepath.Join(bin, "extractor"), "--health", ""},
		{filepath.Join(bin, "linker"), "--health", ""},
	}
	check := func(what, out string) {
		for _, s := range secrets {
			if strings.Contains(out, s) {
				t.Errorf("%s printed the secret %q:\n%s", what, s, out)
			}
		}
	}
	base := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "LOG_LEVEL=debug"}
	for name, env := range scenarios {
		for _, c := range commands {
			args := append([]string{}, c[1:]...)
			help := []string{"--help"}
			if strings.HasSuffix(c[0], "diplograph") {
				verb := 1
				if c[1] == "dlq" {
					verb = 2
				}
				help = append(append([]string{}, c[1:1+verb]...), "--help")
				if c[1] != "query" && c[1] != "claims" {
					args = append(append(append([]string{}, c[1:1+verb]...), flags...), c[1+verb:]...)
				}
			}
			what := fmt.Sprintf("%s: %s %s", name, filepath.Base(c[0]), strings.Join(args, " "))
			envs := append(append([]string{}, base...), env...)
			out := runCommand(t, c[0], args, envs)
			if strings.TrimSpace(out) == "" {
				t.Errorf("%s printed nothing: the run proves nothing", what)
			}
			check(what, out)
			helpOut := runCommand(t, c[0], help, envs)
			if !strings.Contains(helpOut, "-nats-url") && !strings.Contains(helpOut, "-neo4j-uri") {
				t.Errorf("%s --help printed no flags:\n%s", what, helpOut)
			}
			check(what+" --help", helpOut)
		}
	}
}

func writeSecret(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// runCommand runs a command for at most 45 seconds (a long-running one is
// stopped with SIGTERM then) and returns all it printed.
func runCommand(t *testing.T, bin string, args, env []string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = env
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 10 * time.Second
	out, _ := cmd.CombinedOutput()
	return string(out)
}
