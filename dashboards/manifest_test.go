package dashboards_test

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/govscore/govscore/dashboards"
	"github.com/govscore/govscore/manifest"
)

// The site's manifest lists exactly the files the writer wrote, with their sizes and digests.
func TestManifestListsEveryFileWritten(t *testing.T) {
	dir := site(t, dashboards.Options{})
	listed, err := manifest.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	written := files(t, dir)
	delete(written, manifest.Name)
	for name, b := range written {
		sum := sha256.Sum256(b)
		if f, ok := listed[name]; !ok || f.Size != int64(len(b)) || f.SHA256 != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: listed %v, written %d bytes", name, f, len(b))
		}
	}
	for name := range listed {
		if _, ok := written[name]; !ok {
			t.Errorf("%s listed but not in the folder", name)
		}
	}
	if len(listed) < 10 || listed["index.html"].Size == 0 || listed["assets/site.js"].Size == 0 {
		t.Errorf("manifest lists %d files", len(listed))
	}
}
