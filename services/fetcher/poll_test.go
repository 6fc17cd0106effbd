package fetcher

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestPollPublishesNewFilesOfAFolderAndStopsWithItsContext(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "First statement.")
	pub := newMemPublisher()
	var mu sync.Mutex
	var polls []Stats
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Poll(ctx, pub, []SourceConfig{{Name: "inbox", Kind: KindFolder, Path: dir, Interval: time.Second}}, PollOptions{
			OnPoll: func(_ SourceConfig, s Stats) {
				mu.Lock()
				polls = append(polls, s)
				n := len(polls)
				mu.Unlock()
				if n == 1 {
					write("b.txt", "Second statement.")
				}
				if n == 2 {
					cancel()
				}
			},
		})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Poll did not stop")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(polls) != 2 || polls[0].Published != 1 || polls[1].Published != 1 || polls[1].Duplicates != 1 {
		t.Fatalf("polls %+v", polls)
	}
	for _, a := range pub.published() {
		if a.Source != "inbox" {
			t.Errorf("source %q, want inbox", a.Source)
		}
	}
}

func TestPollRejectsAnInvalidSource(t *testing.T) {
	err := Poll(context.Background(), newMemPublisher(), []SourceConfig{{Kind: KindFeed, URL: "file:///etc/passwd", Interval: time.Minute}}, PollOptions{})
	if err == nil {
		t.Fatal("no error")
	}
}
