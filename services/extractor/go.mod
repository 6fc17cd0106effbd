module github.com/diplograph/diplograph/services/extractor

go 1.26.0

require (
	github.com/diplograph/diplograph/lexicon v0.0.0
	github.com/diplograph/diplograph/schemas v0.0.0
	github.com/diplograph/diplograph/services/fetcher v0.0.0
	github.com/go-ego/gse v0.80.3
	golang.org/x/net v0.62.0
)

require (
	codeberg.org/readeck/go-readability/v2 v2.1.3 // indirect
	github.com/andybalholm/cascadia v1.3.3 // indirect
	github.com/go-shiori/dom v0.0.0-20230515143342-73569d674e1c // indirect
	github.com/gogs/chardet v0.0.0-20211120154057-b7413eaefb8f // indirect
	github.com/itlightning/dateparse v0.2.1 // indirect
	github.com/mmcdole/gofeed v1.4.2 // indirect
	github.com/mmcdole/goxpp/v2 v2.0.0 // indirect
	github.com/vcaesar/cedar v0.20.2 // indirect
	golang.org/x/text v0.44.0 // indirect
)

replace github.com/diplograph/diplograph/services/fetcher => ../fetcher

replace github.com/diplograph/diplograph/schemas => ../../schemas

replace github.com/diplograph/diplograph/lexicon => ../../lexicon
