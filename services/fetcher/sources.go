package fetcher

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Kinds of source.
const (
	KindFeed   = "feed"
	KindPage   = "page"
	KindFolder = "folder"
)

// DefaultInterval is the poll interval of a source that names none.
const DefaultInterval = 15 * time.Minute

// SourceConfig is one polled source.
type SourceConfig struct {
	Name     string        // becomes the article source (diplo.articles.<name>); default the host or folder name
	Kind     string        // feed, page or folder
	URL      string        // feed and page
	Path     string        // folder
	Interval time.Duration // between polls; default DefaultInterval
}

// Validate reports the first bad field.
func (s SourceConfig) Validate() error {
	switch s.Kind {
	case KindFeed, KindPage:
		u, err := url.Parse(s.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("%s %q: url %q is not an http(s) URL", s.Kind, s.Name, s.URL)
		}
	case KindFolder:
		if s.Path == "" {
			return fmt.Errorf("folder %q: path is empty", s.Name)
		}
	default:
		return fmt.Errorf("source %q: kind %q: want feed, page or folder", s.Name, s.Kind)
	}
	if s.Interval < time.Second {
		return fmt.Errorf("%s %q: interval %s is under 1s", s.Kind, s.Name, s.Interval)
	}
	return nil
}

// SourcesFile is the YAML layout of a sources file:
//
//	interval: 15m            # default for every source
//	feeds:
//	  - name: state-dept
//	    url: https://www.state.gov/rss-feed/press-releases/feed/
//	    interval: 10m
//	pages:
//	  - url: https://www.fmprc.gov.cn/eng/xw/fyrbt/
//	    interval: 1h
//	folders:
//	  - name: archive
//	    path: /srv/diplograph/inbox
type SourcesFile struct {
	Interval string        `yaml:"interval"`
	Feeds    []sourceEntry `yaml:"feeds"`
	Pages    []sourceEntry `yaml:"pages"`
	Folders  []sourceEntry `yaml:"folders"`
}

type sourceEntry struct {
	Name     string `yaml:"name"`
	URL      string `yaml:"url"`
	Path     string `yaml:"path"`
	Interval string `yaml:"interval"`
}

// LoadSources reads and validates a sources file.
func LoadSources(path string) ([]SourceConfig, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading sources %s: %w", path, err)
	}
	srcs, err := ParseSources(data)
	if err != nil {
		return nil, fmt.Errorf("sources %s: %w", path, err)
	}
	return srcs, nil
}

// ParseSources parses the YAML of a sources file (see SourcesFile).
func ParseSources(data []byte) ([]SourceConfig, error) {
	var f SourcesFile
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	def := DefaultInterval
	if f.Interval != "" {
		d, err := time.ParseDuration(f.Interval)
		if err != nil {
			return nil, fmt.Errorf("interval %q: not a duration like 15m", f.Interval)
		}
		def = d
	}
	var out []SourceConfig
	names := map[string]bool{}
	for _, group := range []struct {
		kind    string
		entries []sourceEntry
	}{{KindFeed, f.Feeds}, {KindPage, f.Pages}, {KindFolder, f.Folders}} {
		for i, e := range group.entries {
			s := SourceConfig{Name: e.Name, Kind: group.kind, URL: strings.TrimSpace(e.URL), Path: e.Path, Interval: def}
			if e.Interval != "" {
				d, err := time.ParseDuration(e.Interval)
				if err != nil {
					return nil, fmt.Errorf("%ss[%d] interval %q: not a duration like 15m", group.kind, i, e.Interval)
				}
				s.Interval = d
			}
			if s.Name == "" {
				s.Name = defaultSourceName(s)
			}
			if err := s.Validate(); err != nil {
				return nil, fmt.Errorf("%ss[%d]: %w", group.kind, i, err)
			}
			if names[s.Kind+"/"+s.Name+"/"+s.URL+s.Path] {
				return nil, fmt.Errorf("%ss[%d]: %q is listed twice", group.kind, i, s.URL+s.Path)
			}
			names[s.Kind+"/"+s.Name+"/"+s.URL+s.Path] = true
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no feeds, pages or folders")
	}
	return out, nil
}

func defaultSourceName(s SourceConfig) string {
	if s.Kind == KindFolder {
		return "" // each document names its own source
	}
	return sourceName("", s.URL)
}
