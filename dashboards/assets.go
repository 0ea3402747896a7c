package dashboards

import (
	"embed"
	"fmt"
	"io/fs"

	"github.com/govscore/govscore/manifest"
)

// assets are the files every page shares: echarts (with its LICENSE and NOTICE), site.js, site.css.
//
//go:embed assets
var assets embed.FS

// echartsDir is where echarts.min.js lives, relative to the site root; charts use it as AssetsHost.
const echartsDir = "assets/echarts/"

// writeAssets copies the embedded assets into the site's assets/.
func writeAssets(w *manifest.Writer) error {
	return fs.WalkDir(assets, "assets", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := assets.ReadFile(path)
		if err != nil {
			return err
		}
		if err := w.WriteFile(path, b); err != nil {
			return fmt.Errorf("dashboards: write assets: %w", err)
		}
		return nil
	})
}
