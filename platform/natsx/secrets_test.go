package natsx_test

import (
	"bytes"
	"flag"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/platform/natsx"
)

func TestRedactHidesEveryCredentialOfAURLList(t *testing.T) {
	tests := []struct {
		name    string
		raw     string
		secrets []string
		keep    []string // what an operator still needs to see
	}{
		{"one password", "nats://u:pw-one@h1:4222", []string{"pw-one"}, []string{"h1:4222", "u"}},
		{"every password of a list", "nats://u:pw-one@h1:4222,nats://u:pw-two@h2:4222,nats://u:pw-three@h3:4222",
			[]string{"pw-one", "pw-two", "pw-three"}, []string{"h1:4222", "h2:4222", "h3:4222"}},
		{"a list with spaces after the commas", "nats://u:pw-one@h1:4222, nats://u:pw-two@h2:4222 ,  nats://u:pw-three@h3",
			[]string{"pw-one", "pw-two", "pw-three"}, []string{"h2:4222", "h3"}},
		{"a token as user", "nats://tok-en-secret@h1:4222", []string{"tok-en-secret"}, []string{"h1:4222"}},
		{"a token in a list", "nats://h0:4222,nats://tok-en-secret@h1:4222", []string{"tok-en-secret"}, []string{"h0:4222", "h1:4222"}},
		{"a URL that does not parse", "nats://u:pw%zz-bad@h1:4222", []string{"pw%zz-bad", "zz-bad"}, nil},
		{"a bare word, perhaps a password pasted by mistake", "hunter2-bare", []string{"hunter2-bare"}, nil},
		{"a secret in a query", "wss://h1/path?token=q-secret", []string{"q-secret"}, []string{"h1"}},
		{"a neo4j URI", "neo4j+s://neo4j:neo-pw@graph:7687", []string{"neo-pw"}, []string{"graph:7687"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := natsx.Redact(tc.raw)
			for _, s := range tc.secrets {
				if strings.Contains(got, s) {
					t.Errorf("Redact(%q) = %q shows %q", tc.raw, got, s)
				}
			}
			for _, k := range tc.keep {
				if !strings.Contains(got, k) {
					t.Errorf("Redact(%q) = %q lost %q", tc.raw, got, k)
				}
			}
		})
	}
}

func TestHelpMasksCredentialsOfTheURLsInTheEnvironment(t *testing.T) {
	t.Setenv("NATS_URL", "nats://u:help-pw-1@h1:4222, nats://help-token-2@h2:4222")
	t.Setenv("NATS_PASSWORD", "help-pw-3")
	t.Setenv("NATS_TOKEN", "help-token-4")
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	var c natsx.Config
	c.BindFlags(fs, "")
	var help bytes.Buffer
	fs.SetOutput(&help)
	fs.PrintDefaults()
	for _, s := range []string{"help-pw-1", "help-token-2", "help-pw-3", "help-token-4"} {
		if strings.Contains(help.String(), s) {
			t.Errorf("--help shows %q:\n%s", s, help.String())
		}
	}
	if !strings.Contains(help.String(), "h1:4222") {
		t.Errorf("--help lost the servers:\n%s", help.String())
	}
	if err := fs.Parse(nil); err != nil {
		t.Fatal(err)
	}
	if c.URL != "nats://u:help-pw-1@h1:4222, nats://help-token-2@h2:4222" {
		t.Errorf("the URL itself was changed: %q", c.URL)
	}
}

func TestValidateNamesABadEntryOfAListWithoutEchoingIt(t *testing.T) {
	err := natsx.Config{URL: "nats://h1:4222,nats://u:pw%zz-bad@h2:4222"}.Validate()
	if err == nil || !strings.HasPrefix(err.Error(), "NATS_URL") || strings.Contains(err.Error(), "zz-bad") {
		t.Fatalf("err = %v, want one naming NATS_URL without the entry", err)
	}
	if err := (natsx.Config{URL: "nats://h1:4222, nats://h2:4222"}).Validate(); err != nil {
		t.Fatalf("a list with a space after the comma: %v", err)
	}
}
