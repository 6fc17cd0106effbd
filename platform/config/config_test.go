package config_test

import (
	"bytes"
	"flag"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/platform/config"
)

func TestFlagsFallBackToTheEnvironmentAndFlagsWin(t *testing.T) {
	t.Setenv("X_URL", "nats://env:4222")
	t.Setenv("X_N", "7")
	t.Setenv("X_D", "3s")
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	var url string
	var n int
	var d time.Duration
	config.String(fs, &url, "url", "X_URL", "nats://default:4222", "url")
	if err := config.Int(fs, &n, "n", "X_N", 1, "n"); err != nil {
		t.Fatal(err)
	}
	if err := config.Duration(fs, &d, "d", "X_D", time.Second, "d"); err != nil {
		t.Fatal(err)
	}
	if err := fs.Parse([]string{"-n", "9"}); err != nil {
		t.Fatal(err)
	}
	if url != "nats://env:4222" || n != 9 || d != 3*time.Second {
		t.Fatalf("url=%q n=%d d=%s", url, n, d)
	}
}

func TestABadNumberInTheEnvironmentIsNamed(t *testing.T) {
	t.Setenv("X_N", "many")
	var n int
	err := config.Int(flag.NewFlagSet("t", flag.ContinueOnError), &n, "n", "X_N", 1, "n")
	if err == nil || !strings.Contains(err.Error(), "X_N") {
		t.Fatalf("err = %v", err)
	}
}

func TestSecretsAreMaskedInHelp(t *testing.T) {
	t.Setenv("X_PW", "hunter2-secret")
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	var pw string
	config.Secret(fs, &pw, "password", "X_PW", "", "password")
	var help bytes.Buffer
	fs.SetOutput(&help)
	fs.PrintDefaults()
	if pw != "hunter2-secret" {
		t.Fatalf("pw = %q", pw)
	}
	if strings.Contains(help.String(), "hunter2") {
		t.Fatalf("help shows the secret: %s", help.String())
	}
	if err := fs.Parse([]string{"-password", "other"}); err != nil || pw != "other" {
		t.Fatalf("pw = %q err = %v", pw, err)
	}
}

func TestABadEnvironmentValueIsReportedByParseUnlessItsFlagIsGiven(t *testing.T) {
	t.Setenv("X_B", "maybe")
	t.Setenv("X_L", "loud")
	t.Setenv("X_N", "many")
	newSet := func() *flag.FlagSet {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		var b bool
		var l string
		var n int
		_ = config.Bool(fs, &b, "b", "X_B", false, "b")
		_ = config.Enum(fs, &l, "l", "X_L", "info", "l", "info", "warn")
		_ = config.Int(fs, &n, "n", "X_N", 1, "n")
		return fs
	}
	err := config.Parse(newSet(), nil)
	if err == nil || !strings.HasPrefix(err.Error(), "X_B=") {
		t.Fatalf("err = %v, want the first bad variable, X_B", err)
	}
	if err := config.Parse(newSet(), []string{"-b", "-l", "warn", "-n", "2"}); err != nil {
		t.Fatalf("every bad variable was overridden by its flag: %v", err)
	}
	if err := config.Parse(newSet(), []string{"-b", "-n", "2"}); err == nil || !strings.Contains(err.Error(), "X_L") {
		t.Fatalf("err = %v, want X_L named", err)
	}
}

func TestRedactURLKeepsWhatIsNoSecret(t *testing.T) {
	for in, want := range map[string]string{
		"":                                   "",
		"nats://h1:4222":                     "nats://h1:4222",
		"nats://u:p@h1:4222, nats://t@h2":    "nats://u:xxxxx@h1:4222,nats://xxxxx@h2",
		"bolt://127.0.0.1:7687":              "bolt://127.0.0.1:7687",
		"nats://u:p%zz@h1":                   "<unparseable URL>",
		"neo4j+s://graph:7687?policy=a#frag": "neo4j+s://graph:7687?policy=xxxxx",
	} {
		if got := config.RedactURL(in); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", in, got, want)
		}
	}
}
