// Package config binds command-line flags to environment variables, so that
// every setting of every service can be given either way (flags win), and
// checks them: a value that does not parse, given by flag or by the
// environment, stops start-up with one line naming it (see Parse).
package config

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"slices"
	"strconv"
	"strings"
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

// URL is String for URLs, or comma-separated lists of URLs, that may carry
// credentials: --help shows them with every password and token hidden
// (RedactURL), and the value is kept as given.
func URL(fs *flag.FlagSet, p *string, name, env, def, usage string) {
	if v, ok := os.LookupEnv(env); ok && v != "" {
		def = v
	}
	*p = def
	fs.Var(&urlValue{p: p}, name, usage+" (env "+env+")")
}

type urlValue struct{ p *string }

func (u *urlValue) String() string {
	if u == nil || u.p == nil {
		return ""
	}
	return RedactURL(*u.p)
}

func (u *urlValue) Set(v string) error { *u.p = v; return nil }

// envFailed marks a flag whose environment variable did not parse; Parse
// reports it unless the flag was given.
type envFailed struct {
	flag.Value
	err error
}

func (e *envFailed) String() string {
	if e == nil || e.Value == nil {
		return ""
	}
	return e.Value.String()
}

func (e *envFailed) IsBoolFlag() bool {
	b, ok := e.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// remember wraps flag name so that Parse reports err.
func remember(fs *flag.FlagSet, name string, err error) error {
	if err != nil {
		f := fs.Lookup(name)
		f.Value = &envFailed{Value: f.Value, err: err}
	}
	return err
}

// Int defines an int flag whose default comes from env when set. A value
// of env that is no integer is returned, and reported again by Parse.
func Int(fs *flag.FlagSet, p *int, name, env string, def int, usage string) error {
	var err error
	if v, ok := os.LookupEnv(env); ok && v != "" {
		n, perr := strconv.Atoi(strings.TrimSpace(v))
		if perr != nil {
			err = fmt.Errorf("%s=%q: not an integer", env, v)
		} else {
			def = n
		}
	}
	fs.IntVar(p, name, def, usage+" (env "+env+")")
	return remember(fs, name, err)
}

// Float defines a float64 flag whose default comes from env when set.
func Float(fs *flag.FlagSet, p *float64, name, env string, def float64, usage string) error {
	var err error
	if v, ok := os.LookupEnv(env); ok && v != "" {
		f, perr := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if perr != nil {
			err = fmt.Errorf("%s=%q: not a number", env, v)
		} else {
			def = f
		}
	}
	fs.Float64Var(p, name, def, usage+" (env "+env+")")
	return remember(fs, name, err)
}

// Duration defines a duration flag whose default comes from env when set.
func Duration(fs *flag.FlagSet, p *time.Duration, name, env string, def time.Duration, usage string) error {
	var err error
	if v, ok := os.LookupEnv(env); ok && v != "" {
		d, perr := time.ParseDuration(strings.TrimSpace(v))
		if perr != nil {
			err = fmt.Errorf("%s=%q: not a duration like 30s", env, v)
		} else {
			def = d
		}
	}
	fs.DurationVar(p, name, def, usage+" (env "+env+")")
	return remember(fs, name, err)
}

// Bool defines a bool flag whose default comes from env when set (true,
// false, 1, 0).
func Bool(fs *flag.FlagSet, p *bool, name, env string, def bool, usage string) error {
	var err error
	if v, ok := os.LookupEnv(env); ok && v != "" {
		b, perr := strconv.ParseBool(strings.TrimSpace(v))
		if perr != nil {
			err = fmt.Errorf("%s=%q: want true or false", env, v)
		} else {
			def = b
		}
	}
	fs.BoolVar(p, name, def, usage+" (env "+env+")")
	return remember(fs, name, err)
}

// Enum defines a string flag that takes one of allowed, whose default comes
// from env when set.
func Enum(fs *flag.FlagSet, p *string, name, env, def, usage string, allowed ...string) error {
	var err error
	if v, ok := os.LookupEnv(env); ok && v != "" {
		if slices.Contains(allowed, v) {
			def = v
		} else {
			err = fmt.Errorf("%s=%q: want %s", env, v, orList(allowed))
		}
	}
	*p = def
	fs.Var(&enumValue{p: p, allowed: allowed}, name, usage+" (env "+env+")")
	return remember(fs, name, err)
}

type enumValue struct {
	p       *string
	allowed []string
}

func (e *enumValue) String() string {
	if e == nil || e.p == nil {
		return ""
	}
	return *e.p
}

func (e *enumValue) Set(v string) error {
	if !slices.Contains(e.allowed, v) {
		return fmt.Errorf("want %s", orList(e.allowed))
	}
	*e.p = v
	return nil
}

func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// LogLevels are the values of LOG_LEVEL.
var LogLevels = []string{"debug", "info", "warn", "error"}

// LogLevel defines the --log-level flag (env LOG_LEVEL) with default def.
func LogLevel(fs *flag.FlagSet, p *string, def string) error {
	return Enum(fs, p, "log-level", "LOG_LEVEL", def, "log level: "+orList(LogLevels), LogLevels...)
}

// Parse parses args and then reports, with Check, the first environment
// variable that did not parse: a bad setting stops start-up wherever it
// came from.
func Parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	return Check(fs)
}

// Check reports the first environment variable of a parsed flag set that
// did not parse, unless its flag was given.
func Check(fs *flag.FlagSet) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var first error
	fs.VisitAll(func(f *flag.Flag) {
		if e, ok := f.Value.(*envFailed); ok && first == nil && !given[f.Name] {
			first = e.err
		}
	})
	return first
}

// EnvDir returns the folder named by the environment variable env, or ""
// when it is unset, and an error naming env when it names no folder.
func EnvDir(env string) (string, error) {
	v := os.Getenv(env)
	return v, CheckDir(env, v)
}

// CheckDir reports an error naming setting when dir is set but is not a
// folder: an override that is not there must not fall back to the
// built-in data unnoticed.
func CheckDir(setting, dir string) error {
	if dir == "" {
		return nil
	}
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("%s=%q: no such folder", setting, dir)
	case err != nil:
		return fmt.Errorf("%s=%q: %w", setting, dir, err)
	case !fi.IsDir():
		return fmt.Errorf("%s=%q: not a folder", setting, dir)
	}
	return nil
}

// CheckRange reports an error naming setting when n is outside [lo, hi].
func CheckRange(setting string, n, lo, hi int) error {
	if n < lo || n > hi {
		if hi == int(^uint(0)>>1) {
			return fmt.Errorf("%s=%d: want at least %d", setting, n, lo)
		}
		return fmt.Errorf("%s=%d: want %d to %d", setting, n, lo, hi)
	}
	return nil
}

// AtLeast reports an error naming setting when n is below lo.
func AtLeast(setting string, n, lo int) error {
	return CheckRange(setting, n, lo, int(^uint(0)>>1))
}

// CheckAddr reports an error naming setting when addr, a listen address
// such as 127.0.0.1:9464 or :9464, has no port; empty is allowed (off).
func CheckAddr(setting, addr string) error {
	if addr == "" {
		return nil
	}
	if _, port, err := net.SplitHostPort(addr); err != nil || port == "" {
		return fmt.Errorf("%s=%q: want host:port, such as 127.0.0.1:9464 or :9464", setting, addr)
	}
	return nil
}

// First returns the first error that is not nil: a command reports one bad
// setting at a time, on one line.
func First(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
