package dashboards

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// assets are the files every page shares: echarts (with its LICENSE and NOTICE), site.js, site.css.
//
//go:embed assets
var assets embed.FS

// echartsDir is where echarts.min.js lives, relative to the site root; charts use it as AssetsHost.
const echartsDir = "assets/echarts/"

// writeAssets copies the embedded assets into dir/assets.
func writeAssets(dir string) error {
	return fs.WalkDir(assets, "assets", func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		out := filepath.Join(dir, filepath.FromSlash(path))
		if e.IsDir() {
			return os.MkdirAll(out, 0o755)
		}
		b, err := assets.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.WriteFile(out, b, 0o644); err != nil {
			return fmt.Errorf("dashboards: write assets: %w", err)
		}
		return nil
	})
}
