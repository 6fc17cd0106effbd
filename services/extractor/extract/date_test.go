package extract

import (
	"testing"
	"time"
)

func TestDateInText(t *testing.T) {
	cases := []struct {
		name, text, want string
	}{
		{"english date", "Washington, March 3, 2022\n\nThe Secretary met the minister.", "2022-03-03"},
		{"chinese date", "新华社北京2021年5月6日电 外交部发言人表示。", "2021-05-06"},
		{"session in words", "Address to the General Assembly\n\nI congratulate you on your election as President of the seventy-ninth session.", "2024-09-22"},
		{"session in figures, the latest named", "Mr. President of the General Assembly,\nI thank your predecessor for the 77th session and welcome the 78th session.", "2023-09-22"},
		{"a session with no assembly", "The committee met at its seventy-eighth session.", ""},
		{"no date", "The minister spoke on Tuesday.", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, ok := dateInText(c.text)
			got := ""
			if ok {
				got = d.Format(time.DateOnly)
			}
			if got != c.want {
				t.Fatalf("dateInText(%q) = %q, want %q", c.text, got, c.want)
			}
		})
	}
}

func TestAssemblyDateFromThePresidentCongratulated(t *testing.T) {
	e := testEngine(t)
	text := "Mr. President,\n\nOn behalf of Fiji, I congratulate Mr. Dennis Francis on his election to preside over the General Assembly. I also thank his predecessor, Mr. Csaba Korosi, for his work."
	d, ok := e.assemblyDate(text)
	if !ok || d.Format(time.DateOnly) != "2023-09-19" {
		t.Fatalf("assemblyDate = %v, %v; want 2023-09-19 (two weeks into Dennis Francis's term)", d, ok)
	}
	if _, ok := e.assemblyDate("Mr. President,\n\nWe thank Mr. Csaba Korosi for his work in the General Assembly."); ok {
		t.Fatal("a president thanked, not congratulated on election, dated the speech")
	}
}
