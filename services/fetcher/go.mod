module github.com/diplograph/diplograph/services/fetcher

go 1.26.0

require github.com/diplograph/diplograph/schemas v0.0.0

replace github.com/diplograph/diplograph/schemas => ../../schemas
