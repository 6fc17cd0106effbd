package token

import "strings"

// lemmaClass groups Penn tags by the lemma rules they take.
func lemmaClass(tag string) byte {
	switch {
	case tag == "NNP" || tag == "NNPS":
		return 'P'
	case strings.HasPrefix(tag, "NN"):
		return 'N'
	case strings.HasPrefix(tag, "VB"), tag == "MD":
		return 'V'
	case strings.HasPrefix(tag, "JJ"):
		return 'A'
	case strings.HasPrefix(tag, "RB"):
		return 'R'
	}
	return 'O'
}

func lemmaKey(lower string, class byte) string { return lower + "\x00" + string(class) }

// Lemma returns the base form of an English word with Penn tag tag, lower
// case: the tagger model's table for known forms, suffix rules for the rest.
func (t *Tagger) Lemma(word, tag string) string {
	lower := strings.ToLower(strings.ReplaceAll(word, "’", "'"))
	class := lemmaClass(tag)
	if l, ok := cliticVerbs[lower]; ok && (class == 'V' || tag == "RB") {
		return l
	}
	r := lemmaRules(lower, tag)
	if l, ok := t.lemmas[lemmaKey(lower, class)]; ok && !(class == 'V' && r == l+"e" && !esStem(l)) {
		// (the silver lemmas cut a verb's final e now and then: hopes →
		// hop, wages → wag; the rules keep it where -es cannot be the
		// ending of its own: goes, focuses, echoes)
		return l
	}
	return r
}

// esStem reports a stem that takes -es, not -s (go, focus, fix, buzz,
// reach, wish).
func esStem(l string) bool {
	for _, e := range []string{"o", "s", "x", "z", "ch", "sh"} {
		if strings.HasSuffix(l, e) {
			return true
		}
	}
	return false
}

// cliticVerbs are the clitic forms of be and have ("It’s", "we’re", "we’ve"):
// the model's table has them as written ("’re") or cut ("’s" → "’"), so
// they go before it. 'll and 'd stay as written: read as will and would
// they make briefing chatter ("We’ll go to the line of …") commitments.
var cliticVerbs = map[string]string{"'s": "be", "'re": "be", "'m": "be", "'ve": "have"}

// irregular verb forms the rules cannot undo.
var irregular = map[string]string{
	"is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "am": "be",
	"has": "have", "had": "have", "did": "do", "does": "do", "done": "do", "said": "say", "says": "say",
	"made": "make", "took": "take", "taken": "take", "gave": "give", "given": "give", "met": "meet", "held": "hold",
	"sought": "seek", "told": "tell", "thought": "think", "brought": "bring", "began": "begin", "begun": "begin",
	"led": "lead", "left": "leave", "kept": "keep", "sent": "send", "spoke": "speak", "spoken": "speak", "stood": "stand",
	"understood": "understand", "went": "go", "gone": "go", "came": "come", "became": "become", "saw": "see", "seen": "see",
	"knew": "know", "known": "know", "found": "find", "won": "win", "withdrew": "withdraw", "withdrawn": "withdraw",
	"drew": "draw", "drawn": "draw", "struck": "strike", "undertook": "undertake", "undertaken": "undertake",
	"wrote": "write", "written": "write", "chose": "choose", "chosen": "choose", "felt": "feel", "built": "build",
	"ran": "run", "paid": "pay", "laid": "lay", "lost": "lose", "meant": "mean", "rose": "rise", "risen": "rise",
	"fell": "fall", "fallen": "fall", "shook": "shake", "shaken": "shake", "forgot": "forget", "forgotten": "forget",
	"threw": "throw", "thrown": "throw", "bore": "bear", "borne": "bear", "hit": "hit", "swore": "swear", "sworn": "swear",
	"overtook": "overtake", "forbade": "forbid", "forbidden": "forbid", "upheld": "uphold", "withheld": "withhold",
	"'ll": "will", "wo": "will", "'d": "would", "ca": "can", "n't": "not",
}

// lemmaRules undoes regular inflection.
func lemmaRules(w, tag string) string {
	if l, ok := irregular[w]; ok && (lemmaClass(tag) == 'V' || tag == "RB") {
		return l
	}
	switch tag {
	case "NNS", "NNPS", "VBZ":
		switch {
		case strings.HasSuffix(w, "ies") && len(w) > 4:
			return w[:len(w)-3] + "y"
		case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"),
			strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
			return w[:len(w)-2]
		case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && len(w) > 3:
			return w[:len(w)-1]
		}
	case "VBD", "VBN":
		switch {
		case strings.HasSuffix(w, "ied") && len(w) > 4:
			return w[:len(w)-3] + "y"
		case strings.HasSuffix(w, "eed"):
			return w[:len(w)-1]
		case strings.HasSuffix(w, "ed") && len(w) > 4:
			return undouble(w[:len(w)-2])
		}
	case "VBG":
		if strings.HasSuffix(w, "ing") && len(w) > 5 {
			return undouble(w[:len(w)-3])
		}
	}
	return w
}

// undouble drops the doubled final consonant of a stem (committ → commit),
// keeping the doubles that base forms end in (stress, call).
func undouble(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && strings.IndexByte("bdgkmnprt", s[n-1]) >= 0 {
		return s[:n-1]
	}
	return s
}
