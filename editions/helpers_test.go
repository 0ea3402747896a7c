package editions_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/govscore/govscore/editions"
	"github.com/govscore/govscore/ingest"
	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/testutil"
)

const depts = `部门代码,部门名称,分组,曾用名,启用月份,停用月份
FGW,发展和改革委员会,市级部门,,,
CZJ,财政局,市级部门,,,
JYJ,教育局,市级部门,,,
LZQ,利州区人民政府,县区政府,,,
`

const activity = `部门代码,月份,工作动态,法规公文,财政信息,全文电子化率,移动短信,报送政务信息,信息被采用,培训
FGW,2014-11,10,2,1,100,20,22,7,1
CZJ,2014-11,8,2,1,90,18,20,5,1
JYJ,2014-11,6,1,1,80,15,18,4,1
LZQ,2014-11,9,2,1,95,20,21,6,1
`

var t0 = time.Date(2014, 12, 3, 2, 0, 0, 0, time.UTC)

// clockAt is a clock fixed at t0 plus h hours.
func clockAt(h int) func() time.Time {
	return func() time.Time { return t0.Add(time.Duration(h) * time.Hour) }
}

// city is a database with four departments in two groups, 2014-11 ingested and scored.
func city(t *testing.T) *sql.DB {
	t.Helper()
	db, _ := testutil.DB(t)
	ingestBytes(t, db, "depts.csv", depts, true)
	ingestBytes(t, db, "activity.csv", activity, false)
	score(t, db, scoring.Default())
	return db
}

func ingestBytes(t *testing.T, db *sql.DB, name, content string, registry bool) {
	t.Helper()
	ctx := context.Background()
	var err error
	if registry {
		_, err = ingest.DepartmentsBytes(ctx, db, name, []byte(content), ingest.Options{Now: clockAt(-1)})
	} else {
		_, err = ingest.Bytes(ctx, db, name, []byte(content), ingest.Options{Now: clockAt(-1), Actor: "各部门"})
	}
	if err != nil {
		t.Fatal(err)
	}
}

func score(t *testing.T, db *sql.DB, rs *scoring.RuleSet) {
	t.Helper()
	if _, err := scoring.Run(context.Background(), db, rs, scoring.Options{Now: clockAt(0)}); err != nil {
		t.Fatal(err)
	}
}

func publish(t *testing.T, db *sql.DB, group string, h int) {
	t.Helper()
	_, err := editions.Publish(context.Background(), db, editions.Request{Period: "2014-11", Group: group, Author: "政务公开办"}, editions.Options{Now: clockAt(h)})
	if err != nil {
		t.Fatal(err)
	}
}
