package adjustments

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/govscore/govscore"
	sqlfs "github.com/govscore/govscore/sql"
)

// Filter selects adjustments; empty fields match every one.
type Filter struct {
	Period, Dept string
}

// Querier runs a query: a *sql.DB or a *sql.Tx.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// List is the adjustments that match f, active and withdrawn, by id.
func List(ctx context.Context, q Querier, f Filter) ([]govscore.Adjustment, error) {
	rows, err := q.QueryContext(ctx, sqlfs.Query("adjustmentList"), orNull(f.Period), orNull(f.Dept), nil)
	if err != nil {
		return nil, fmt.Errorf("adjustments: %w", err)
	}
	return scan(rows)
}

// Get is adjustment id; ENOTFOUND when there is none.
func Get(ctx context.Context, q Querier, id int64) (govscore.Adjustment, error) {
	rows, err := q.QueryContext(ctx, sqlfs.Query("adjustmentList"), nil, nil, id)
	if err != nil {
		return govscore.Adjustment{}, fmt.Errorf("adjustment #%d: %w", id, err)
	}
	list, err := scan(rows)
	if err != nil {
		return govscore.Adjustment{}, err
	}
	if len(list) == 0 {
		return govscore.Adjustment{}, govscore.Errorf(govscore.ENOTFOUND, "没有编号为 #%d 的调整(govscore adjust list 列出全部)",
			"no adjustment #%d (govscore adjust list shows them all)", id)
	}
	return list[0], nil
}

func scan(rows *sql.Rows) ([]govscore.Adjustment, error) {
	defer rows.Close()
	var out []govscore.Adjustment
	for rows.Next() {
		var a govscore.Adjustment
		var at sql.NullTime
		var by, why sql.NullString
		if err := rows.Scan(&a.ID, &a.DeptCode, &a.Period, &a.Points, &a.Reason, &a.Author, &a.CreatedAt, &at, &by, &why); err != nil {
			return nil, err
		}
		if at.Valid {
			a.WithdrawnAt = &at.Time
		}
		a.WithdrawnBy, a.WithdrawReason = by.String, why.String
		out = append(out, a)
	}
	return out, rows.Err()
}

func orNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}
