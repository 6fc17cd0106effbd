package extract

import (
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schemas"
)

// The states a text lists as a treaty's signatories (协议的原始签署国——…,
// "the other signatories of the Accords are …") did not join the text, and
// a list that names a party or a company is no list of signatories either;
// states that joined the statement itself still are its parties.
func TestSignatoriesOfATreatyDidNotJoinTheText(t *testing.T) {
	e := testEngine(t)
	cases := []struct {
		text  string
		joint bool
	}{
		{"拜登接受专访。\n他希望后续谈判包括伊核协议的原始签署国——伊朗、美国、俄罗斯、中国、英国、法国和德国。\n", false},
		{"The Accords set principles for space exploration.\nThe other signatories of the Accords are Canada, Japan, Italy and Mexico.\n", false},
		{"德国议会辩论华为问题。\n联署的有德国、中国、中共和社民党的议员。\n", false},
		{"Joint Statement on Media Freedom\n\nThis statement is joined by Canada, Japan, Italy and Mexico.\nWe condemn attacks on journalists.\n", true},
	}
	for _, c := range cases {
		line := partiesLine(e, c.text)
		joined := strings.Contains(line, "joined the statement")
		if joined != c.joint {
			t.Errorf("%q: parties line %q, want joined=%v", c.text, line, c.joint)
		}
	}
}

// A speech is given for the state named right after "on behalf of" or set
// beside "my country"; a state named further off in such a sentence is what
// the speech speaks of, and a state helped "on behalf of" by a third is no
// speaker's.
func TestASpeechIsForTheStateNamedBesideMyCountry(t *testing.T) {
	e := testEngine(t)
	cases := []struct {
		text, issuer string
	}{
		{"It is an honour to speak on behalf of the people of the Republic of Kenya.\nMy country joins the global call for the withdrawal of Russian forces from Ukraine.\n", "KEN"},
		{"I greet the Assembly.\nMy country joins the global call for the withdrawal of Russian forces from Ukraine.\nWe will work for peace.\n", ""},
		{"I greet the Assembly.\nAfter the floods, Turkey mobilised its resources on behalf of Libya.\nWe will work for peace.\n", ""},
		{"I greet the Assembly.\nMy country, Peru, stands with the Charter.\nWe support Ukraine.\n", "PER"},
		// a speech that speaks much of a war elsewhere, and names its own state taking its stand
		{"I thank the President. The war in Ukraine goes on and our hearts are with Ukraine.\nThe people of Ukraine suffer, and Ukraine's cities burn.\n" +
			"We stand with Ukraine, we help Ukraine, we rebuild Ukraine and we honour Ukraine.\nAll of us admire Ukraine, and the world owes Ukraine its thanks.\n" +
			"Peru supports the Charter.\nPeru will keep working for peace.\nPeru stands by international law.\nWe call for peace in Ukraine, and I thank our partners.\n", "PER"},
		// a byline of a name and a title is who issues the text, not the official its title welcomes
		{"Welcoming Chile's President Gabriel Boric\n\nAntony J. Blinken, Secretary of State\n\nI offer our warmest congratulations to President Boric on his inauguration.\n", "USA"},
		// the speaker's delegation, the support the speaker renews in the state's name
		{"I extend to the President the warm congratulations of the Guinean delegation.\nWe believe in the Charter. We call for peace. I thank the Secretary-General. We will work with all partners.\n" +
			"France and Mali are our partners, and Mali and France work with us.\n", "GIN"},
		{"I renew Cameroon's full support for the Secretary-General.\nWe believe in the Charter. We call for peace. I thank the President. We will work with all partners.\n" +
			"Chad and Nigeria are our neighbours, and Nigeria and Chad work with us.\n", "CMR"},
		// a state charged twice with aggression or war is what the speech speaks against, however often it is named
		{"I speak today of a war. Russia's war goes on, and Russia's aggression must end.\nWe know that Russia will not stop. We see that Russia continues to bomb cities. We say that Russia remains a threat. We know that Russia will lose.\n" +
			"Russia stands alone. Russia supports terror. Russia calls for surrender.\nEstonia stands with Ukraine.\n", "EST"},
		// the state the speaker calls on ("I urge the Government of X") is not the speaker, however often it is named
		{"I thank the President.\nThe Republic of Ghana reaffirms its support for the Charter. The people of Ghana want peace.\n" +
			"We call for peace. We believe in dialogue. We will work with all partners.\nI urge the United Kingdom Government to lift the tariffs. I appeal to the British people to hear us.\n" +
			"We ask the United Kingdom to act, and we invite the British Parliament to listen.\nI urge the United Kingdom to reconsider. We call on the United Kingdom to engage. I encourage the United Kingdom to lead.\n", "GHA"},
		// the state the speaker says they aid ("our support for X", "we help X", "we stand with X") is not the speaker,
		// and the speaker's own state after an adverb ("Norway swiftly acknowledged") takes its stand
		{"I greet the Assembly.\nIn March, Norway swiftly acknowledged the new government. We believe in dialogue. We will work with all partners.\n" +
			"Our support for Moldova is steadfast. We will keep helping Moldova. We stand with Moldova. We help Moldova rebuild. We assist Moldova's schools.\n" +
			"Our assistance to Moldova grows, and our solidarity with the people of Moldova is firm.\nNorway has sent more aid.\n", "NOR"},
	}
	for _, c := range cases {
		line := partiesLine(e, c.text)
		if !strings.Contains(line, `issuer "`+c.issuer+`"`) {
			t.Errorf("%q: parties line %q, want issuer %q", c.text, line, c.issuer)
		}
	}
}

// partiesLine returns the line --explain gives on a text's parties and issuer.
func partiesLine(e *Engine, text string) string {
	_, expl := e.Explain(schemas.Article{Name: "t", Format: schemas.FormatText, Body: text})
	for _, x := range expl {
		if x.Claim == -2 {
			return x.Dropped
		}
	}
	return ""
}

// A text that lists, at its head or foot, who took part in a meeting
// ("Participants joining X included A, B and C", 与会的有) has them all, with
// the host, as its parties: "we" and "participants" are all of them. A list of
// people from states ("participants include mayors from A and B") is not
// such a list, nor is one in the middle of a long text.
func TestTheListedParticipantsOfAMeetingAreItsParties(t *testing.T) {
	e := testEngine(t)
	cases := []struct {
		text, parties string
	}{
		{"Secretary Rubio hosted a meeting on food security.\nParticipants pledged new funds for famine relief.\nWe agreed to meet again in the spring.\n" +
			"Participants joining the United States in the meeting included Kenya, the Kingdom of Norway, Brazil and the World Food Programme.\n",
			"[KEN USA NOR BRA org:wfp]"},
		{"外交部长主持召开粮食安全部长级会议。\n与会各方承诺增加粮食援助。\n与会的有肯尼亚、挪威、巴西和世界粮食计划署。\n", "[KEN NOR BRA org:wfp]"},
		{"Secretary Rubio hosted a meeting on food security.\nParticipants pledged new funds for famine relief.\n" +
			"The participants include mayors from Kenya, Norway and Brazil.\n", "[]"},
	}
	for _, c := range cases {
		line := partiesLine(e, c.text)
		if !strings.HasPrefix(line, "parties "+c.parties+" ") {
			t.Errorf("%q: parties line %q, want parties %s", c.text, line, c.parties)
		}
	}
}

// A title that names the states right after "Statement of" or "Declaration
// by" names the statement's authors: their "we" is all of them. A title
// that names states after "Statement on" names what the statement is about.
func TestAStatementOfStatesIsTheirsTogether(t *testing.T) {
	e := testEngine(t)
	cases := []struct {
		text  string
		joint bool
	}{
		{"Trilateral Statement of the Kingdom of Norway, the Republic of Chile and Canada\n\nWe reaffirm our support for the Ocean Treaty.\n", true},
		{"Declaration by the Governments of Peru and Ecuador\n\nWe commit to demarcating the border by 2027.\n", true},
		{"Statement on Peru and Ecuador\n\nWe welcome the agreement on the border.\n", false},
	}
	for _, c := range cases {
		line := partiesLine(e, c.text)
		if joint := strings.Contains(line, "joint true"); joint != c.joint {
			t.Errorf("%q: parties line %q, want joint=%v", c.text, line, c.joint)
		}
	}
}
