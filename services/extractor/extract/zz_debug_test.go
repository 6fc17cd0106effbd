package extract

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestZZDebug(t *testing.T) {
	text := os.Getenv("DBG_TEXT")
	if text == "" {
		t.Skip()
	}
	e := testEngine(t)
	lang := os.Getenv("DBG_LANG")
	d := e.newDoc(text, lang, "", time.Now(), true)
	for _, m := range d.ments {
		r := ""
		if m.cue != nil {
			r = m.cue.Rule
		}
		fmt.Printf("%d %q kind=%d ids=%v ent=%s cue=%s\n", m.sent, m.text, m.kind, m.ids, m.entID, r)
	}
}

func TestZZMatch(t *testing.T) {
	text := os.Getenv("DBG_TEXT")
	if text == "" {
		t.Skip()
	}
	e := testEngine(t)
	for _, m := range e.matcher.Find(text) {
		fmt.Printf("%q %v\n", text[m.Start:m.End], m.Payloads)
	}
}

func TestZZLex(t *testing.T) {
	e := testEngine(t)
	ent, ok := e.lex.Get("topic:rules-based-order")
	fmt.Println(ok, ent.Names)
	n := 0
	for _, x := range e.ents {
		if x.ID == "topic:rules-based-order" {
			n++
		}
	}
	fmt.Println("in ents", n, len(e.ents))
}
