package main

import (
	"context"
	"errors"
	"io"
)

func benchLink(context.Context, []string, io.Writer, io.Writer) error {
	return errors.New("bench link: not built yet")
}

func benchPipeline(context.Context, []string, io.Writer, io.Writer) error {
	return errors.New("bench pipeline: not built yet")
}
