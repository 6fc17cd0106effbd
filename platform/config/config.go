// Package config binds command-line flags to environment variables, so that
// every setting of every service can be given either way (flags win).
package config

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"
)

// String defines a string flag whose default comes from env when set.
func String(fs *flag.FlagSet, p *string, name, env, def, usage string) {
	if v, ok := os.LookupEnv(env); ok && v != "" {
		def = v
	}
	fs.StringVar(p, name, def, usage+" (env "+env+")")
}

// Secret is String for values that must never be printed: the default
// shown by --help is masked.
func Secret(fs *flag.FlagSet, p *string, name, env, def, usage string) {
	if v, ok := os.LookupEnv(env); ok && v != "" {
		def = v
	}
	fs.Var(&secretValue{p: p, v: def}, name, usage+" (env "+env+")")
	*p = def
}

type secretValue struct {
	p *string
	v string
}

func (s *secretValue) String() string {
	if s == nil || s.v == "" {
		return ""
	}
	return "********"
}

func (s *secretValue) Set(v string) error { s.v = v; *s.p = v; return nil }

// Int defines an int flag whose default comes from env when set.
func Int(fs *flag.FlagSet, p *int, name, env string, def int, usage string) error {
	if v, ok := os.LookupEnv(env); ok && v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("%s=%q: not an integer", env, v)
		}
		def = n
	}
	fs.IntVar(p, name, def, usage+" (env "+env+")")
	return nil
}

// Duration defines a duration flag whose default comes from env when set.
func Duration(fs *flag.FlagSet, p *time.Duration, name, env string, def time.Duration, usage string) error {
	if v, ok := os.LookupEnv(env); ok && v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			return fmt.Errorf("%s=%q: not a duration like 30s", env, v)
		}
		def = d
	}
	fs.DurationVar(p, name, def, usage+" (env "+env+")")
	return nil
}
