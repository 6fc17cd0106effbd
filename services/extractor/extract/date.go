package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	zhDate   = regexp.MustCompile(`((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日`)
	enDate1  = regexp.MustCompile(`\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b`)
	enDate2  = regexp.MustCompile(`\b(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+((?:19|20)\d{2})\b`)
	numDate  = regexp.MustCompile(`\b((?:19|20)\d{2})[/.-](\d{1,2})[/.-](\d{1,2})\b`)
	urlDate  = regexp.MustCompile(`/((?:19|20)\d{2})(\d{2})(\d{2})[-/_]`)
	zhMD     = regexp.MustCompile(`(\d{1,2})月(\d{1,2})日`)
	anyYear  = regexp.MustCompile(`(?:19|20)\d{2}`)
	monthIdx = map[string]int{"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
)

// dateInText finds the first full date the text gives.
func dateInText(text string) (time.Time, bool) {
	if len(text) > 1500 {
		text = text[:1500]
	}
	hasZh := strings.Contains(text, "月") && strings.Contains(text, "日")
	hasEn := false
	for _, m := range []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} {
		if strings.Contains(text, m) {
			hasEn = true
			break
		}
	}
	best := -1
	var t time.Time
	try := func(idx []int, y, mo, dd int) {
		if idx == nil || (best >= 0 && idx[0] >= best) || mo < 1 || mo > 12 || dd < 1 || dd > 31 {
			return
		}
		best = idx[0]
		t = time.Date(y, time.Month(mo), dd, 0, 0, 0, 0, time.UTC)
	}
	if !hasZh {
		// skip
	} else if m := zhDate.FindStringSubmatchIndex(text); m != nil {
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		mo, _ := strconv.Atoi(text[m[4]:m[5]])
		dd, _ := strconv.Atoi(text[m[6]:m[7]])
		try(m, y, mo, dd)
	}
	for _, re := range []*regexp.Regexp{numDate, urlDate} {
		if m := re.FindStringSubmatchIndex(text); m != nil {
			y, _ := strconv.Atoi(text[m[2]:m[3]])
			mo, _ := strconv.Atoi(text[m[4]:m[5]])
			dd, _ := strconv.Atoi(text[m[6]:m[7]])
			try(m, y, mo, dd)
		}
	}
	if best < 0 && hasZh {
		// 2月18日 with the year given elsewhere in the text
		if m := zhMD.FindStringSubmatchIndex(text); m != nil {
			if y := anyYear.FindString(text); y != "" {
				yy, _ := strconv.Atoi(y)
				mo, _ := strconv.Atoi(text[m[2]:m[3]])
				dd, _ := strconv.Atoi(text[m[4]:m[5]])
				try(m, yy, mo, dd)
			}
		}
	}
	if !hasEn {
		return t, best >= 0
	}
	if m := enDate1.FindStringSubmatchIndex(text); m != nil {
		y, _ := strconv.Atoi(text[m[6]:m[7]])
		dd, _ := strconv.Atoi(text[m[4]:m[5]])
		try(m, y, monthIdx[text[m[2]:m[3]]], dd)
	}
	if m := enDate2.FindStringSubmatchIndex(text); m != nil {
		y, _ := strconv.Atoi(text[m[6]:m[7]])
		dd, _ := strconv.Atoi(text[m[2]:m[3]])
		try(m, y, monthIdx[text[m[4]:m[5]]], dd)
	}
	return t, best >= 0
}
