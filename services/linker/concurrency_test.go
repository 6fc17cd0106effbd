package linker_test

import (
	"context"
	"testing"
	"time"

	"github.com/diplograph/diplograph/services/linker"
)

// TestTwoLinkersShareTheWorkAndBuildTheGraphOfOne runs two linkers on the
// one durable consumer, as scaling out does: they split the stream, and the
// graph is the one a single clean run builds.
func TestTwoLinkersShareTheWorkAndBuildTheGraphOfOne(t *testing.T) {
	sc, g, xs := linkedCookbook(t)
	ctx := context.Background()
	want := dump(t, g, sc)
	if err := cleanup(ctx, g, sc); err != nil {
		t.Fatal(err)
	}

	b := startBus(t)
	publishExtractions(t, b.js, xs)
	for i := 0; i < 2; i++ {
		startService(t, &linker.Service{Graph: g, JS: b.js, Log: quiet(), Batch: 1})
	}
	eventually(t, 60*time.Second, "two linkers drained the stream", func() bool { return drained(t, b.js) })
	if got := dump(t, g, sc); got != want {
		t.Errorf("graph built by two linkers differs from a single clean run:\n--- one\n%s\n--- two\n%s", want, got)
	}
}
