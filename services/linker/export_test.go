package linker

// SetTestHook makes g call f at named points of a write, so that a test can
// kill the process there.
func SetTestHook(g *Graph, f func(point string)) { g.hook = f }
