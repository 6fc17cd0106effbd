package mention

import "testing"

func TestChineseNamesTakePinyinIDs(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"陈弘", "person:chen-hong"},
		{"翟东升", "person:zhai-dongsheng"}, // a family name read as a family name, not as 狄
		{"曾文华", "person:zeng-wenhua"},
		{"欧阳修文", "person:ouyang-xiuwen"},
		{"斯坦福特", ""}, // a transliteration
		{"卡马拉·哈里斯", ""},
		{"王", ""},
	} {
		if got := zhPersonSlug(c.name); got != c.want {
			t.Errorf("zhPersonSlug(%s) = %q, want %q", c.name, got, c.want)
		}
	}
}
