package jobs

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/govscore/govscore/dashboards"
	"github.com/govscore/govscore/editions"
	"github.com/govscore/govscore/scoring"
)

// Score re-scores the periods whose data changed and, when scores changed, asks for a render.
// Rendering is its own job so that new data is ranked while a long render is still going.
func (e *Env) Score(ctx context.Context, run *Run) error {
	var sum scoring.Summary
	err := e.write(func() (err error) {
		sum, err = scoring.Run(ctx, e.DB, e.Rules, scoring.Options{Now: e.Now})
		return err
	})
	if err != nil {
		return fmt.Errorf("score: %w", err)
	}
	if sum.UpToDate {
		run.Note("scores up to date")
		run.Idle()
		return nil
	}
	e.mu.Lock()
	e.needRender = true
	e.mu.Unlock()
	run.Rows = int(sum.Lines)
	run.Note("scored %s", strings.Join(sum.Periods, " "))
	run.Then("render")
	return noteDrift(ctx, e, run, sum.Results)
}

// noteDrift notes the published periods whose results now differ from their latest edition.
func noteDrift(ctx context.Context, e *Env, run *Run, periods []string) error {
	for _, p := range periods {
		drifts, err := editions.Drift(ctx, e.DB, p)
		if err != nil {
			return fmt.Errorf("score: %w", err)
		}
		for _, d := range drifts {
			if d.Changed > 0 {
				run.Note("%s", d.Message().EN)
			}
		}
	}
	return nil
}

// Render re-renders the dashboards when scores changed since the last render, when the last
// render failed, and once after the process starts.
func (e *Env) Render(ctx context.Context, run *Run) error {
	e.mu.Lock()
	render := e.Config.Site != "" && (e.needRender || !e.rendered)
	e.needRender = false
	e.mu.Unlock()
	var scored bool
	if err := e.DB.QueryRowContext(ctx, query("jobScored")).Scan(&scored); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	if !render || !scored {
		if !scored {
			run.Note("nothing scored yet")
		}
		run.Idle()
		return nil
	}
	if err := e.render(ctx); err != nil {
		e.mu.Lock()
		e.needRender = true
		e.mu.Unlock()
		return err
	}
	e.mu.Lock()
	e.rendered = true
	e.mu.Unlock()
	run.Note("dashboards rendered into %s", e.Config.Site)
	return nil
}

// render writes the site into a fresh folder and swaps it in, so the server never shows half a site.
func (e *Env) render(ctx context.Context) error {
	site := filepath.Clean(e.Config.Site)
	next, old := site+".next", site+".old"
	os.RemoveAll(next)
	if err := os.MkdirAll(next, 0o755); err != nil {
		return fmt.Errorf("render dashboards: %w", err)
	}
	if err := dashboards.Write(ctx, e.DB, next, dashboards.Options{Lang: e.Config.Lang}); err != nil {
		os.RemoveAll(next)
		return fmt.Errorf("render dashboards: %w", err)
	}
	os.RemoveAll(old)
	if err := os.Rename(site, old); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("render dashboards: %w", err)
	}
	if err := os.Rename(next, site); err != nil {
		return fmt.Errorf("render dashboards: %w", err)
	}
	return os.RemoveAll(old)
}
