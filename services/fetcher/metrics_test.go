package fetcher

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/platform/telemetry"
)

// TestTheFetcherRecordsItsMetrics ingests three documents and an empty
// one: the fetcher's items, errors and processing time are on its stage.
func TestTheFetcherRecordsItsMetrics(t *testing.T) {
	dir := t.TempDir()
	for i := range 3 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("d%d.txt", i)), []byte(fmt.Sprintf("Statement number %d of the series.", i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), []byte(" "), 0o644); err != nil {
		t.Fatal(err)
	}
	m := telemetry.NewMetrics()
	if _, err := Ingest(context.Background(), newMemPublisher(), []string{dir}, IngestOptions{Metrics: m}); err != nil {
		t.Fatal(err)
	}
	families, err := m.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, f := range families {
		for _, s := range f.GetMetric() {
			labels := ""
			for _, l := range s.GetLabel() {
				labels += l.GetName() + "=" + l.GetValue() + ","
			}
			key := f.GetName() + "{" + labels + "}"
			switch {
			case s.GetCounter() != nil:
				got[key] = s.GetCounter().GetValue()
			case s.GetHistogram() != nil:
				got[key] = float64(s.GetHistogram().GetSampleCount())
			}
		}
	}
	for key, want := range map[string]float64{
		"diplograph_items_total{kind=published,stage=fetcher,}":         3,
		"diplograph_errors_total{reason=empty,stage=fetcher,}":          1,
		"diplograph_messages_total{outcome=ok,stage=fetcher,}":          3,
		"diplograph_messages_total{outcome=dead_letter,stage=fetcher,}": 1,
		"diplograph_processing_seconds{stage=fetcher,}":                 4,
	} {
		if got[key] != want {
			t.Errorf("%s = %v, want %v", key, got[key], want)
		}
	}
}
