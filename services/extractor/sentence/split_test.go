package sentence

import "testing"

func texts(s string) []string {
	var out []string
	for _, sp := range Split(s) {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"chinese full stops and quotes", "他说：“我们反对。”双方同意合作！是吗？", []string{"他说：“我们反对。”", "双方同意合作！", "是吗？"}},
		{"a quotation and its speaker after it", "“我们反对这一做法。”汪文斌说。双方同意合作。", []string{"“我们反对这一做法。”汪文斌说。", "双方同意合作。"}},
		{"chinese semicolons split enumerations", "一是加强对话；二是扩大合作。", []string{"一是加强对话；", "二是扩大合作。"}},
		{"english abbreviations", "Mr. Blinken met the U.S. team. Rt Hon. James Cleverly spoke on Jan. 5. No. 10 agreed.", []string{"Mr. Blinken met the U.S. team.", "Rt Hon. James Cleverly spoke on Jan. 5.", "No. 10 agreed."}},
		{"initials and decimals", "J. Smith said growth was 3.5 percent. Then he left.", []string{"J. Smith said growth was 3.5 percent.", "Then he left."}},
		{"line breaks end sentences", "Title line\nBody starts here.", []string{"Title line", "Body starts here."}},
		{"list items join their lead", "They agreed to:\n• promote peace\n• tackle climate change\nNext.", []string{"They agreed to:\n• promote peace\n• tackle climate change", "Next."}},
		{"lower case after a period continues", "the U.K. and e.g. others met.", []string{"the U.K. and e.g. others met."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := texts(c.in)
			if len(got) != len(c.want) {
				t.Fatalf("got %q, want %q", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Fatalf("got %q, want %q", got, c.want)
				}
			}
		})
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("他说：“我们反对。”Mr. X. 3.5! ok?")
	f.Add("\xff.\n。”")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Split(s) {
			if sp.Start < prev || sp.End < sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %+v in %q", sp, s)
			}
			prev = sp.End
		}
	})
}
