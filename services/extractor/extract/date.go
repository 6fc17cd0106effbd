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
	full := text
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
		return t, best >= 0 || unSession(full, &t)
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
	return t, best >= 0 || unSession(full, &t)
}

var (
	unOrdinal = regexp.MustCompile(`(?i)\b(?:(sixty|seventy|eighty)[- ](first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|(sixtieth|seventieth|eightieth)|(\d{2})(?:st|nd|rd|th))\s+(?:regular\s+)?session\b`)
	unTens    = map[string]int{"sixty": 60, "seventy": 70, "eighty": 80, "sixtieth": 60, "seventieth": 70, "eightieth": 80}
	unUnits   = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9}
)

// unSession dates a speech to the General Assembly that gives no date by
// the session it names (the seventy-eighth session: the general debate of
// September 2023). A speech names the session before too, to thank its
// president, so the latest one named is the speech's own.
func unSession(text string, t *time.Time) bool {
	if !strings.Contains(text, "General Assembly") {
		return false
	}
	n := 0
	for _, m := range unOrdinal.FindAllStringSubmatch(text, -1) {
		k := 0
		switch {
		case m[1] != "":
			k = unTens[strings.ToLower(m[1])] + unUnits[strings.ToLower(m[2])]
		case m[3] != "":
			k = unTens[strings.ToLower(m[3])]
		default:
			k, _ = strconv.Atoi(m[4])
		}
		if k >= 50 && k <= 99 {
			n = max(n, k)
		}
	}
	if n == 0 {
		return false
	}
	*t = time.Date(1945+n, time.September, 22, 0, 0, 0, 0, time.UTC)
	return true
}

// assemblyDate dates a speech to the General Assembly that gives neither a
// date nor its session by the president it congratulates on election ("I
// congratulate Mr. Dennis Francis on his election"): the general debate
// two weeks into that president's term. The predecessor it thanks is named
// with no election.
func (e *Engine) assemblyDate(text string) (time.Time, bool) {
	if e.lex == nil || !strings.Contains(text, "General Assembly") {
		return time.Time{}, false
	}
	who, roles := e.lex.Terms("president", "org:un-general-assembly")
	var best time.Time
	for i, p := range who {
		if roles[i].From.IsZero() || !roles[i].From.After(best) {
			continue
		}
		for _, name := range p.Names["en"] {
			if len(name) < 6 || !strings.Contains(name, " ") {
				continue // a full name, not a family name alone
			}
			if k := strings.Index(text, name); k >= 0 && electedNear(text, k) {
				best = roles[i].From
				break
			}
		}
	}
	if best.IsZero() {
		return time.Time{}, false
	}
	return best.AddDate(0, 0, 14), true
}

// electedNear reports "elect" or "assum" in the sentence around byte k.
func electedNear(text string, k int) bool {
	from := strings.LastIndexAny(text[:k], ".\n")
	to := strings.IndexAny(text[k:], ".\n")
	if to < 0 {
		to = len(text) - k
	}
	s := strings.ToLower(text[from+1 : k+to])
	return strings.Contains(s, "elect") || strings.Contains(s, "assum")
}
