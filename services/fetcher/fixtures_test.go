package fetcher

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Fixtures in the formats of the shared corpus's bulk sources, written by
// the tests themselves from sentences written for them, so that the tests
// that need hundreds of items run everywhere, CI's fresh clone included.

var (
	fixtureActors = []string{"日本", "法国", "德国", "澳大利亚", "加拿大", "印度", "英国", "韩国"}
	fixtureZh     = []string{
		"%s外交部发言人表示，愿同各方加强沟通与协调。",
		"%s对地区局势表示严重关切，呼吁有关各方保持克制。",
		"%s欢迎双方达成的停火协议，支持通过对话解决分歧。",
		"%s宣布将向受灾地区提供紧急人道主义援助。",
		"%s领导人在会谈中同意深化经贸、科技和人文领域合作。",
	}
	fixtureEn = []string{
		"The Secretary met %s's Foreign Minister to discuss regional security and economic cooperation.",
		"The United States and %s reaffirmed their commitment to a free and open Indo-Pacific.",
		"The Department welcomes the agreement reached between %s and its neighbours.",
		"The two sides condemned the attacks on commercial shipping and called for restraint.",
		"Officials from %s and the United States will meet again later this year.",
	}
	fixtureCountries = []string{"Japan", "France", "Germany", "Australia", "Canada", "India", "the United Kingdom", "Korea"}
)

// writeFeedDumps lays out n feed-item dumps as a Jekyll site keeps them
// (the feedx layout): _posts/DATE-TITLE.md with a front-matter header, the
// item's date, title and link, and its HTML; beside them a SOURCE.md and a
// README.md (to be skipped), an empty archive folder and a hidden folder.
// It returns the number of items.
func writeFeedDumps(t testing.TB, dir string, n int) int {
	t.Helper()
	posts := filepath.Join(dir, "_posts")
	for _, d := range []string{posts, filepath.Join(dir, "archived", "2021-01-01"), filepath.Join(dir, ".git")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, body := range map[string]string{"SOURCE.md": "# Source\n\nWhere these items come from.\n", "README.md": "# Items\n", ".git/HEAD": "ref: refs/heads/main\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := time.Date(2021, 1, 10, 8, 0, 0, 0, time.UTC)
	for i := range n {
		when := base.Add(time.Duration(i) * 97 * time.Minute)
		actor := fixtureActors[i%len(fixtureActors)]
		title := fmt.Sprintf("%s发表声明 第%d号", actor, i)
		link := fmt.Sprintf("http://news.example/cn/%d-%s", i, strings.Repeat("a", i%7))
		var body strings.Builder
		for j := range 3 {
			fmt.Fprintf(&body, "<p>"+fixtureZh[(i+j)%len(fixtureZh)]+"</p>", actor)
		}
		fmt.Fprintf(&body, "<p>（本文编号 %d）</p>", i)
		doc := fmt.Sprintf("---\nlayout: post\ntitle: %q\ndate: %s\nauthor: 新闻\nfrom: %s\ntags: [ 新闻 ]\ncategories: [ 新闻 ]\n---\n<!--%d-->\n[%s](%s)\n------\n\n%s\n",
			title, when.Format("2006-01-02T15:04:05.000Z"), link, when.UnixMilli(), title, link, body.String())
		name := fmt.Sprintf("%s-%s.md", when.Format("2006-01-02"), title)
		if err := os.WriteFile(filepath.Join(posts, name), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

// pressFeedVersions returns successive snapshots of a press-release feed
// (the state-dept-press-rss layout: RSS 2.0 with content:encoded), each
// holding the newest `per` releases; each snapshot adds `step` releases
// and drops as many. No release changes between snapshots. It returns the
// snapshots and the number of distinct releases.
func pressFeedVersions(versions, per, step int) ([][]byte, int) {
	release := func(i int) string {
		country := fixtureCountries[i%len(fixtureCountries)]
		when := time.Date(2021, 7, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * 3 * time.Hour)
		var body strings.Builder
		for j := range 4 {
			s := fixtureEn[(i+j)%len(fixtureEn)]
			if strings.Contains(s, "%s") {
				s = fmt.Sprintf(s, country)
			}
			fmt.Fprintf(&body, "<p>%s</p>", s)
		}
		fmt.Fprintf(&body, "<p>Release %d.</p>", i)
		return fmt.Sprintf(`	<item>
		<title>Statement %[1]d on %[2]s</title>
		<link>https://press.example/statement-%[1]d/</link>
		<pubDate>%[3]s</pubDate>
		<guid isPermaLink="false">https://press.example/?p=%[1]d</guid>
		<description><![CDATA[Statement %[1]d.]]></description>
		<content:encoded><![CDATA[%[4]s]]></content:encoded>
	</item>
`, i, country, when.Format(time.RFC1123Z), body.String())
	}
	var out [][]byte
	for v := range versions {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
	<title>Press Releases</title>
	<link>https://press.example</link>
	<language>en-US</language>
`)
		newest := v*step + per - 1
		for i := newest; i > newest-per; i-- {
			b.WriteString(release(i))
		}
		b.WriteString("</channel>\n</rss>\n")
		out = append(out, []byte(b.String()))
	}
	return out, (versions-1)*step + per
}

// corpusFromEnv returns a folder of the shared corpus named by
// DIPLOGRAPH_CORPUS (its root), for running a test on the real data too;
// "" when the variable is unset. A folder named but missing fails the test:
// it is never skipped.
func corpusFromEnv(t testing.TB, name string) string {
	t.Helper()
	root := os.Getenv("DIPLOGRAPH_CORPUS")
	if root == "" {
		return ""
	}
	dir := filepath.Join(root, "bulk", name)
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("DIPLOGRAPH_CORPUS names %s, which is not there: %v", dir, err)
	}
	return dir
}
