package segment

import (
	"testing"
	"time"
)

func TestNewLoadsQuicklyAndKeepsDomainWords(t *testing.T) {
	start := time.Now()
	s, err := New([]string{"上川阳子", "克莱弗利", "日英"})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("load took %v", time.Since(start))
	text := "日本外务大臣上川阳子与克莱弗利在中心举行会谈"
	var words []string
	for _, sg := range s.Segment([]byte(text)) {
		words = append(words, text[sg.Start():sg.End()])
	}
	t.Log(words)
	found := false
	for _, w := range words {
		if w == "上川阳子" {
			found = true
		}
	}
	if !found {
		t.Errorf("上川阳子 not one word: %v", words)
	}
}
