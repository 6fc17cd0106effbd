package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schemas"
)

// A speech that never says "on behalf of" or "my country" still speaks for
// the state it calls ours ("Bolivia's claim over our coast"), even when it
// names the state it speaks against almost as often.
func TestASpeechSpeaksForTheStateItCallsOurs(t *testing.T) {
	e := testEngine(t)
	var b strings.Builder
	b.WriteString("Mr. President, distinguished delegates,\n\n")
	for i := 0; i < 10; i++ {
		b.WriteString("Bolivia's sovereign claim over our access to the sea remains firm. ")
		b.WriteString("The United States has imposed its blockade on the peoples of the South. ")
		if i%2 == 0 {
			b.WriteString("The United States spends billions on its bases while our peoples go hungry. ")
		}
		b.WriteString("\n\n")
	}
	b.WriteString("We condemn the unilateral coercive measures of the United States.\n")
	wantClaimBy(t, speech(e, b.String()), "condemn", "BOL")
}

// speech extracts a plain-text speech.
func speech(e *Engine, body string) schemas.Extraction {
	return e.Extract(schemas.Article{Name: "speech", Format: schemas.FormatText, Body: body})
}

// wantClaimBy fails the test unless x holds a claim of predicate by actor.
func wantClaimBy(t *testing.T, x schemas.Extraction, predicate, actor string) {
	t.Helper()
	var got []string
	for _, c := range x.Claims {
		if c.Predicate == predicate && slices.Contains(c.Actors, actor) {
			return
		}
		got = append(got, strings.Join(c.Actors, "+")+" "+c.Predicate)
	}
	t.Errorf("no %s by %s; claims: %v", predicate, actor, got)
}

// A speech whose speaker says what office they hold here ("I appear before
// this forum as the President of Peru") or where they come from speaks for
// that state, however rarely it names it; "as well as the State of X" is
// no such office.
func TestASpeechSpeaksForTheStateOfTheOfficeItsSpeakerHolds(t *testing.T) {
	e := testEngine(t)
	for _, c := range []struct{ intro, want string }{
		{"I appear before this forum as the President of Peru, representing a people who have resisted oppression.", "PER"},
		{"I come from Finland, a country of lakes and forests.", "FIN"},
	} {
		body := "Madam President of this General Assembly,\n\n" + c.intro + "\n\n" +
			"Chile and Brazil have suffered floods. Chile needs help. Brazil needs help.\n\n" +
			"We condemn the economic coercion imposed on our neighbours.\n"
		wantClaimBy(t, speech(e, body), "condemn", c.want)
	}
	body := "Mr. President,\n\nI would like to express our congratulations to the President, as well as the State of Chile, on his election.\n\n" +
		"We condemn the economic coercion imposed on our neighbours.\n"
	for _, cl := range speech(e, body).Claims {
		if cl.Predicate == "condemn" && slices.Contains(cl.Actors, "CHL") {
			t.Errorf("'as well as the State of Chile' made Chile the speaker: %+v", cl)
		}
	}
}

// A speech that says "we in X" speaks for X, and "our Malian brothers"
// are others it stands by, not its own people.
func TestASpeechSpeaksForTheStateItSaysWeAreIn(t *testing.T) {
	e := testEngine(t)
	var b strings.Builder
	b.WriteString("Mr. President,\n\n")
	b.WriteString("We in the Republic of Senegal have made the goals the focus of our efforts. I thank the Secretary-General. We believe in dialogue.\n\n")
	for i := 0; i < 3; i++ {
		b.WriteString("We host thousands of our Gambian brothers who fled their homes. Our Gambian brothers deserve our care. ")
		b.WriteString("We stand with our Gambian brothers in their hour of need.\n\n")
	}
	b.WriteString("We call on all parties to respect international humanitarian law.\n")
	wantClaimBy(t, speech(e, b.String()), "call_on", "SEN")
}

// A speech speaks for the state it names as its own though it never says
// "my country": taking its stand later in a sentence ("… and Malta stands
// ready") or greeting in its name ("Malta's warm congratulations"); or
// naming it clearly more often than any other (if not twice as often), once
// as taking its stand, though it also names at length the state it speaks
// against.
func TestASpeechSpeaksForTheStateItNamesAsItsOwn(t *testing.T) {
	e := testEngine(t)
	for _, c := range []struct{ name, body, want string }{
		{"greets and stands ready", "Mr. President,\n\n" +
			"Allow me to extend Malta's warm congratulations to you on your election. We are living through difficult times, and Malta stands ready to help. " +
			"The war in Ukraine has shaken us all. We believe that dialogue is the only way. I believe the world can do better. We must act together, and our region needs peace.\n\n" +
			"Haiti has asked the world for help.\n\n", "MLT"},
		{"names clearly most", "Mr. President, distinguished delegates,\n\n" +
			"Slovenia supports a strong United Nations. We have worked hard for this, and we will continue. Today, as in Slovenia, we see hope. " +
			"Young people in Slovenia ask us to act. I saw it myself when I visited schools, and the teachers of Slovenia told me so.\n\n" +
			"We also see that the troops of Russia remain in Ukraine. Every day the army of Russia shells cities. The shelling by Russia must end. " +
			"The threats by Russia worry us all.\n\n", "SVN"},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantClaimBy(t, speech(e, c.body+"We call on all parties to respect international humanitarian law.\n"), "call_on", c.want)
		})
	}
}

// A speech of the UN General Debate corpus is named after the state that
// gives it (KEN_78_2023): that state speaks, however often the text names
// another and however little it names its own. Another name leaves the
// text to tell.
func TestADebateSpeechSpeaksForTheStateItsFileNames(t *testing.T) {
	e := testEngine(t)
	body := speechOf(8, "The United States has spoken of partnership. The United States has promised to help. "+
		"We remember what the United States said.", "We condemn terrorism in all its forms.")
	for _, c := range []struct{ name, want, not string }{
		{"KEN_78_2023", "KEN", "USA"},
		{"0012-KEN_78_2023.txt", "KEN", "USA"},
		{"speech", "USA", "KEN"},
		{"XYZ_78_2023", "USA", "XYZ"}, // no state has that code
	} {
		x := e.Extract(schemas.Article{Name: c.name, Format: schemas.FormatText, Body: body})
		wantClaimBy(t, x, "condemn", c.want)
		for _, cl := range x.Claims {
			if slices.Contains(cl.Actors, c.not) {
				t.Errorf("%s: a claim by %s: %+v", c.name, c.not, cl)
			}
		}
	}
}

// A speech that names the state it speaks against more often than its own
// still speaks for its own: a state named as the doer of a wrong
// ("Azerbaijani shelling", "imposed by Azerbaijan", "Azerbaijan has
// attacked …") is what the speech is about, not who gives it.
func TestASpeechDoesNotSpeakForTheStateItBlames(t *testing.T) {
	e := testEngine(t)
	body := speechOf(6, "Azerbaijan has attacked our villages again. Azerbaijani shelling destroyed a school. "+
		"The blockade imposed by Azerbaijan cuts our people off from food. Azerbaijan speaks of peace. "+
		"Azerbaijan was warned. The talks with Azerbaijan have stalled.",
		"Armenia remains committed to peace. Armenia wants a lasting settlement. Armenia is ready to talk.\n\n"+
			"We condemn terrorism in all its forms.")
	wantClaimBy(t, speech(e, body), "condemn", "ARM")
}

// speechOf is a speech to the Assembly: its salutation, n paragraphs of
// para, and last.
func speechOf(n int, para, last string) string {
	var b strings.Builder
	b.WriteString("Mr. President,\n\n")
	for range n {
		b.WriteString(para + "\n\n")
	}
	b.WriteString(last + "\n")
	return b.String()
}
