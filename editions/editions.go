// Package editions freezes published rankings. Publishing a period stores what was published —
// the ranking as `rank` shows it, every department's score lines with their reasons, the rule
// set's name, version and hash, the data versions and adjustments used — so that an edition
// reads the same forever, whatever is corrected, re-scored or renamed later. It also tells how
// the current results differ from an edition (Drift, Diff), and keeps the registry from
// altering a published period by accident (Guard).
package editions

import (
	"context"
	"database/sql"
	"sort"
	"strings"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/audit"
	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/scoring"
	sqlfs "github.com/govscore/govscore/sql"
)

// Options say from where and when a change is made.
type Options = audit.Source

// Request is what to publish: a period, every group or one (Group), by whom, with a note.
type Request struct {
	Period, Group, Author, Note string
}

// Publish freezes the period's current results as its next edition and returns it.
func Publish(ctx context.Context, db *sql.DB, r Request, opts Options) (govscore.Edition, error) {
	p, err := period.Parse(r.Period)
	if err != nil {
		return govscore.Edition{}, err
	}
	if strings.TrimSpace(r.Author) == "" {
		return govscore.Edition{}, govscore.Errorf(govscore.EINVALID, "发布须写明发布人(--author)", "publishing needs an author (--author)")
	}
	if err := checkScored(ctx, db, p.String()); err != nil {
		return govscore.Edition{}, err
	}
	s, err := current(ctx, db, p.String(), r.Group)
	if err != nil {
		return govscore.Edition{}, err
	}
	var only []string
	if r.Group != "" {
		only = codes(s.rows)
	}
	lines, err := scoring.Lines(ctx, db, p.String(), only)
	if err != nil {
		return govscore.Edition{}, err
	}
	ladder, err := scoring.Grades(ctx, db)
	if err != nil {
		return govscore.Edition{}, err
	}
	ed := govscore.Edition{Period: p.String(), Scope: r.Group, PublishedAt: opts.At(), Author: r.Author, Note: r.Note,
		RuleSet: s.rules.Name, RuleSetVersion: s.rules.Version, RuleSetHash: s.rules.Hash, Groups: groups(s.rows), Depts: len(s.rows),
		GradeLadder: ladder}
	return ed, store(ctx, db, &ed, s, lines, opts)
}

// checkScored refuses to publish results that a change since the last scoring run has made
// stale: a dirty mark on the period or an earlier one (year-to-date figures and rank changes
// read earlier periods).
func checkScored(ctx context.Context, db *sql.DB, p string) error {
	stale, err := staleMark(ctx, db, p)
	if err != nil || stale == "" {
		return err
	}
	return govscore.Errorf(govscore.ECONFLICT, "%s 的数据在上次评分后有改动(%s):请先运行 govscore score,再发布",
		"%s has changed since it was last scored (%s): run govscore score first, then publish", p, stale)
}

// staleMark is the first mark for re-scoring that period p's results depend on ("": none).
func staleMark(ctx context.Context, db *sql.DB, p string) (string, error) {
	var stale string
	err := db.QueryRowContext(ctx, sqlfs.Query("editionStale"), p).Scan(&stale)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return stale, err
}

func codes(rows []govscore.Standing) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.DeptCode
	}
	return out
}

// groups are the groups of rows, sorted.
func groups(rows []govscore.Standing) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rows {
		if !seen[r.Group] {
			seen[r.Group] = true
			out = append(out, r.Group)
		}
	}
	sort.Strings(out)
	return out
}
