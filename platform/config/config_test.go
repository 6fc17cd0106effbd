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
