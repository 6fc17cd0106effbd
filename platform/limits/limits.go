// Package limits is the pipeline's one set of size limits. Each is checked
// once, as early as possible (a file by its size before it is read, a
// response by its Content-Length), and named in the error that enforces it,
// so that an input too large fails at once with the reason instead of late
// with another component's message.
package limits

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
)

const (
	// Message is the largest NATS message: the embedded server's
	// max_payload and every stream's max_msg_size.
	Message = 8 << 20
	// Document is the largest document: a file, page or standard input read
	// as one article, a feed item's text, and the text the extractor
	// accepts. An article of this size, with its other fields and JSON
	// escaping, fits in a Message.
	Document = 4 << 20
	// Input is the largest input read at all, a feed being one: it may hold
	// many documents, each within Document.
	Input = 16 << 20
)

// Heap is the soft limit on the Go heap of a process that extracts: the
// collector works harder near it instead of letting the heap double, so
// that a document at the size limit is read in well under 300 MB.
const Heap = 240 << 20

// GCPercent is the collector's target under the soft limit: with the heap
// capped by Heap, the collector can let it grow further between cycles and
// spend less time collecting (extraction allocates many short-lived tokens).
const GCPercent = 400

// SetHeap sets the soft heap limit, unless GOMEMLIMIT sets another, and the
// collector's target, unless GOGC sets another.
func SetHeap() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(Heap)
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(GCPercent)
		}
	}
}

// ErrTooLarge is wrapped by every error that enforces a limit.
var ErrTooLarge = errors.New("too large")

// Exceeded returns an error wrapping ErrTooLarge that names what was too
// large, its size and the limit: "statement.txt: 9.0 MiB is over the 4 MiB
// document limit".
func Exceeded(what string, size int64, limit int64) error {
	return fmt.Errorf("%s: %s is over the %s %s limit: %w", what, mib(size), mib(limit), name(limit), ErrTooLarge)
}

func name(limit int64) string {
	switch limit {
	case Message:
		return "message"
	case Document:
		return "document"
	case Input:
		return "input"
	}
	return "size"
}

// mib writes a size in MiB: "4 MiB", "9.3 MiB"; small sizes in bytes.
func mib(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}
