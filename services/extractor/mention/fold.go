package mention

// foldFrom and foldTo map a Latin letter with a diacritic to its base
// letter in lower case (É → e, ł → l), so that a name matches whether a
// text writes Philémon or Philemon. Generated from the Unicode canonical
// decompositions of U+00C0–U+024F, plus ø, ł, đ, ħ and dotless ı.
const (
	foldFrom = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ"
	foldTo   = "aaaaaaceeeeiiiinoooooouuuuyaaaaaaceeeeiiiinoooooouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjkkllllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyy"
)

var latinFold = func() map[rune]rune {
	m := make(map[rune]rune, 253)
	to := []rune(foldTo)
	for i, r := range []rune(foldFrom) {
		m[r] = to[i]
	}
	return m
}()

// foldRune is r without its diacritic, in lower case, for Latin letters;
// "·" for any dot that joins the parts of a transliterated name; any other
// rune as it is.
func foldRune(r rune) rune {
	switch r {
	case '•', '・', '‧', '．':
		return '·' // the dots of a transliterated name (约翰•贝尔德, 克里斯‧克里斯蒂)
	}
	if r < 0xC0 || r > 0x24F {
		return r
	}
	if f, ok := latinFold[r]; ok {
		return f
	}
	return r
}
