package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/diplograph/diplograph/services/dashboard/dashboardtest"
	"github.com/diplograph/diplograph/services/linker"
	"github.com/diplograph/diplograph/services/linker/neo4jtest"
)

// Neo4j Browser, served by the local Neo4j at /browser/, logs in as
// README says and runs a cookbook query the way docs/queries.md says:
// its :params line, then its Cypher.
func TestNeo4jBrowserRunsACookbookQuery(t *testing.T) {
	cfg := neo4jConfig(t)
	port := os.Getenv("NEO4J_HTTP_PORT")
	if port == "" {
		port = "7474"
	}
	b := newBrowser(t)
	ctx := context.Background()
	graph, err := linker.OpenGraph(ctx, cfg, quietLog(), linker.WithGazetteer(nil))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { graph.Close(ctx) })
	tg := dashboardtest.New(neo4jtest.Run())
	dashboardtest.Write(t, graph, tg)

	var recipe linker.Recipe
	for _, r := range linker.Cookbook {
		if r.Name == "who-opposes" {
			recipe = r
		}
	}
	params := map[string]any{"topic": tg.Topic("economic-coercion")}
	base := "http://127.0.0.1:" + port + "/browser/"
	connected := `document.body.innerText.includes('You are connected as user')`
	for attempt := 0; attempt < 3; attempt++ {
		// on a busy machine the page may take the first keys and click
		// before its form is live: load it afresh and log in again
		b.open(base, `[data-testid="username"]`)
		b.run("log in",
			chromedp.SendKeys(chromedp.CSS(`[data-testid="username"]`), cfg.User),
			chromedp.SendKeys(chromedp.CSS(`[data-testid="password"]`), cfg.Password),
			chromedp.Click(chromedp.CSS(`[data-testid="connect"]`)))
		if b.poll(connected, 15*time.Second) {
			break
		}
	}
	b.wait("connected", connected)
	// Typed as a user would: the recipe's :params line and Enter, then its
	// Cypher and the run button (Enter might take a completion instead).
	editor := chromedp.CSS(`[data-testid="activeEditor"] textarea`)
	b.run("set the parameters", chromedp.SendKeys(editor, linker.BrowserParams(params)+"\r"))
	b.wait("the parameters", fmt.Sprintf(`document.body.innerText.includes(%q)`, tg.Topic("economic-coercion")+`"`))
	b.run("run the recipe", chromedp.SendKeys(editor, strings.Join(strings.Fields(recipe.Cypher), " ")),
		chromedp.Click(chromedp.CSS(`[data-testid="editor-Run"]`)))
	b.wait("the answer", `[...document.querySelectorAll('[data-testid="frame"]')].some(f => f.innerText.includes('JPN') && f.innerText.includes('statements'))`)
	answer := value(b, "the answer's frame", chromedp.Evaluate[string](
		`[...document.querySelectorAll('[data-testid="frame"]')].find(f => f.innerText.includes('statements')).innerText`))
	for _, want := range []string{"JPN", "Japan", "2024-03-12"} {
		if !strings.Contains(answer, want) {
			t.Errorf("the answer lacks %q:\n%s", want, answer)
		}
	}
	time.Sleep(300 * time.Millisecond) // the frame's animation
	b.shoot("neo4j-browser")
}
