package limits_test

import (
	"errors"
	"testing"

	"github.com/diplograph/diplograph/platform/limits"
)

func TestExceededNamesTheLimit(t *testing.T) {
	for _, tc := range []struct {
		size, limit int64
		want        string
	}{
		{9 << 20, limits.Document, "a.txt: 9 MiB is over the 4 MiB document limit: too large"},
		{9<<20 + 1<<19, limits.Message, "a.txt: 9.5 MiB is over the 8 MiB message limit: too large"},
		{17 << 20, limits.Input, "a.txt: 17 MiB is over the 16 MiB input limit: too large"},
	} {
		err := limits.Exceeded("a.txt", tc.size, tc.limit)
		if err.Error() != tc.want || !errors.Is(err, limits.ErrTooLarge) {
			t.Errorf("Exceeded(%d, %d) = %q, want %q", tc.size, tc.limit, err, tc.want)
		}
	}
	if limits.Document*2 > limits.Message || limits.Message > limits.Input {
		t.Error("a document at its limit must fit a message twice over (JSON escaping), and a message an input")
	}
}
