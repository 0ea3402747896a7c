package main

import (
	"context"
	"fmt"
	"time"

	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/synth"
)

func init() {
	commands["gen"] = command{"write sample input files: gen --scale city|province|country --dir DIR", runGen}
}

func runGen(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "gen", "--scale city|province|country --dir DIR [--seed N] [--months N] [--start YYYY-MM]",
		"Writes a department list and one wide activity CSV per month, with realistic figures.")
	scale := fs.String("scale", "city", "city (~60 departments), province (~3,000) or country (~300,000)")
	dir := fs.String("dir", "", "where to write")
	seed := fs.Uint64("seed", 1, "random seed; the same seed writes the same files")
	months := fs.Int("months", 0, "months to write (default 12)")
	start := fs.String("start", "2014-01", "the first month")
	if err := fs.Parse(args); err != nil {
		return err
	}
	sc, ok := synth.Scales[*scale]
	if !ok || *dir == "" {
		fs.Usage()
		return fmt.Errorf("gen: expected --scale city, province or country and --dir DIR")
	}
	first, err := period.ParseMonth(*start)
	if err != nil {
		return err
	}
	if *months > 0 {
		sc.Months = *months
	}
	t0 := time.Now()
	files, err := synth.Generate(*dir, synth.Spec{Scale: sc, Start: first, Seed: *seed})
	if err != nil {
		return err
	}
	e.printf(e.lang.T("已生成 %d 个部门、%d 个月、%d 行至 %s(%s)\n", "wrote %d departments, %d months, %d rows to %s (%s)\n"),
		sc.Depts, sc.Months, files.Rows, *dir, time.Since(t0).Round(time.Millisecond))
	return nil
}
