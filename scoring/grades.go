package scoring

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/govscore/govscore/locale"
	sqlfs "github.com/govscore/govscore/sql"
)

// Grades are the grades results have given, best first, in both languages: the order in which
// documents count and colour them (report.GradeColor takes the position).
func Grades(ctx context.Context, db *sql.DB) ([]locale.Text, error) {
	rows, err := db.QueryContext(ctx, sqlfs.Query("gradeLadder"))
	if err != nil {
		return nil, fmt.Errorf("grades: %w", err)
	}
	defer rows.Close()
	var out []locale.Text
	for rows.Next() {
		var g locale.Text
		if err := rows.Scan(&g.ZH, &g.EN); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}
