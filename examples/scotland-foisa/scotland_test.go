// Package scotlandfoisa holds the Scottish FOISA example: about 510 authorities in 2019 read
// through mapping.yaml and ranked within their sector by a small-number-fair method.
package scotlandfoisa

import (
	"context"
	"database/sql"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/storage"
)

func mustScoredDB(t *testing.T) (*sql.DB, ingest.MappedResult) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "scot.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	m, err := ingest.LoadMapping("mapping.yaml")
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingest.MappedFile(ctx, db, "data/scotland-foisa-2019.csv", m, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := scoring.LoadDir("rules")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := scoring.Run(ctx, db, rs, scoring.Options{}); err != nil {
		t.Fatal(err)
	}
	return db, res
}

// authority is one ranked or unranked authority with the counts behind its score.
type authority struct {
	code, grp, status string
	rank              int
	k, n, total       float64
}

func TestScotlandFOISA(t *testing.T) {
	db, res := mustScoredDB(t)
	if res.Rows != 510 || len(res.Registered) != 510 {
		t.Fatalf("ingest = %d rows, %d authorities registered; want 510, 510", res.Rows, len(res.Registered))
	}
	var groups int
	db.QueryRow(`SELECT count(DISTINCT grp) FROM depts`).Scan(&groups)
	if groups != 8 {
		t.Fatalf("%d groups, want the 8 sectors", groups)
	}
	all := authorities(t, db)
	checkWilson(t, all)
	checkSmallNumbers(t, all)
	ex, err := scoring.Explain(context.Background(), db, "GCC", "2019")
	if err != nil || len(ex.Lines) != 1 || !strings.Contains(ex.Lines[0].ReasonEN, "Wilson 95% lower confidence bound") {
		t.Fatalf("GCC 2019 = %+v, %v; the reason must name the method", ex, err)
	}
}

func authorities(t *testing.T, db *sql.DB) []authority {
	rows, err := db.Query(`SELECT r.dept_code, r.grp, r.status, coalesce(r.rank, 0), r.total,
		coalesce(a.sc_foisa_on_time, 0) + coalesce(a.sc_eir_on_time, 0),
		coalesce(a.sc_foisa_on_time, 0) + coalesce(a.sc_eir_on_time, 0) + coalesce(a.sc_foisa_late, 0)
			+ coalesce(a.sc_eir_late, 0) + coalesce(a.sc_foisa_no_response, 0) + coalesce(a.sc_eir_no_response, 0)
		FROM results r JOIN activity a ON a.current AND a.dept_code = r.dept_code AND a.period = r.period
		WHERE r.period = '2019'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []authority
	for rows.Next() {
		var a authority
		if err := rows.Scan(&a.code, &a.grp, &a.status, &a.rank, &a.total, &a.k, &a.n); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	if len(out) != 510 {
		t.Fatalf("%d results, want every one of the 510 authorities listed", len(out))
	}
	return out
}

// checkWilson recomputes every score from the counts; nothing answered is unranked.
func checkWilson(t *testing.T, all []authority) {
	unranked := 0
	for _, a := range all {
		if a.n == 0 {
			unranked++
			if a.status != "unranked" || a.rank != 0 {
				t.Errorf("%s answered nothing but is %s, rank %d", a.code, a.status, a.rank)
			}
			continue
		}
		const z = 1.96
		p := a.k / a.n
		lb := (p + z*z/(2*a.n) - z*math.Sqrt(p*(1-p)/a.n+z*z/(4*a.n*a.n))) / (1 + z*z/a.n)
		if math.Abs(100*lb-a.total) > 1e-6 || a.status != "submitted" || a.rank < 1 {
			t.Errorf("%s: %g of %g on time: scored %.4f (%s, rank %d), want %.4f", a.code, a.k, a.n, a.total, a.status, a.rank, 100*lb)
		}
	}
	if unranked != 136 {
		t.Fatalf("%d authorities unranked; the 2019 file has 136 that answered nothing", unranked)
	}
}

// checkSmallNumbers: in no sector does a perfect record on 5 requests or fewer outrank an
// authority that answered 100 or more, 95 % or more of them on time.
func checkSmallNumbers(t *testing.T, all []authority) {
	pairs := 0
	for _, small := range all {
		if small.n == 0 || small.n > 5 || small.k != small.n {
			continue
		}
		for _, big := range all {
			if big.grp == small.grp && big.n >= 100 && big.k/big.n >= 0.95 {
				pairs++
				if big.rank >= small.rank {
					t.Errorf("%s (%g/%g on time) ranks %d, above %s (%g/%g) at %d", small.code, small.k, small.n, small.rank,
						big.code, big.k, big.n, big.rank)
				}
			}
		}
	}
	if pairs == 0 {
		t.Fatal("no small perfect authority shares a sector with a large punctual one: the check proves nothing")
	}
}
