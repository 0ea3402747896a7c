package main

import (
	"context"
	"fmt"

	"github.com/govscore/govscore/scoring"
)

func init() {
	commands["rules"] = command{"rule sets: rules export DIR | rules check DIR", runRules}
}

func runRules(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "rules", "export DIR | check DIR", `export writes the default rule set (ruleset.yaml and one SQL file per indicator) into
DIR, to copy and edit; score with --rules DIR. check loads a rule set folder and reports errors.`)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return fmt.Errorf("rules: expected `rules export DIR` or `rules check DIR`")
	}
	switch fs.Arg(0) {
	case "export":
		rs := scoring.Default()
		if err := rs.Export(fs.Arg(1)); err != nil {
			return err
		}
		e.printf(e.lang.T("已导出 %s %s 至 %s\n", "exported %s %s to %s\n"), rs.Name, rs.Version, fs.Arg(1))
	case "check":
		rs, err := scoring.LoadDir(fs.Arg(1))
		if err != nil {
			return err
		}
		e.printf(e.lang.T("规则集 %s %s:%d 条规则,哈希 %.12s\n", "rule set %s %s: %d rules, hash %.12s\n"), rs.Name, rs.Version, len(rs.Rules), rs.Hash)
	default:
		return fmt.Errorf("rules: unknown action %q (export or check)", fs.Arg(0))
	}
	return nil
}
