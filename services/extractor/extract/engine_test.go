package extract

import (
	"sync"
	"testing"
)

var (
	sharedOnce sync.Once
	engineOne  *Engine
	sharedErr  error
)

// testEngine returns one engine shared by the package's tests (loading the
// dictionaries once keeps the tests fast).
func testEngine(t testing.TB) *Engine {
	t.Helper()
	sharedOnce.Do(func() { engineOne, sharedErr = New(Options{}) })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return engineOne
}
