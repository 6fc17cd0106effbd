package lang

import (
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"chinese", "中方坚决反对任何形式的经济胁迫。", "zh"},
		{"chinese with latin names", "英国外交大臣克莱弗利（James Cleverly）出席会议并发表讲话。", "zh"},
		{"japanese", "岸田首相は訪米し、バイデン大統領と会談した。", "ja"},
		{"english", "The two sides agreed to strengthen their cooperation.", "en"},
		{"short english headline", "Japan opposes economic coercion", "en"},
		{"french", "Le ministre a déclaré que la France est opposée aux sanctions.", Unsupported},
		{"russian", "Москва выступает против санкций.", Unsupported},
		{"korean", "한국 정부는 제재에 반대한다고 밝혔다.", Unsupported},
		{"binary", "\x00\x01\x02\x03abc\x00\x00\x00", Binary},
		{"replacement characters", strings.Repeat("\uFFFD", 40) + "ab", Binary},
		{"only digits", "2023 11 07 15:52", Empty},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got, detail := Detect(c.text); got != c.want {
				t.Fatalf("Detect = %s (%s), want %s", got, detail, c.want)
			}
		})
	}
}
