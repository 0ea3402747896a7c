package main

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/govscore/govscore/jobs"
	"github.com/govscore/govscore/report"
)

func init() {
	commands["jobs"] = command{"recent job runs and the reminder list; jobs run NAME runs a job once", runJobs}
}

func runJobs(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && args[0] == "run" {
		return runJobOnce(ctx, e, args[1:])
	}
	fs := newFlags(e, "jobs", "[--limit N] [--job NAME] [--all] [--format table|json]", `Lists the newest runs of the unattended jobs (job, start, end, status, files, rows, error)
and the departments on the reminder list. While `+"`govscore serve`"+` holds the database, open
http://ADDR/jobs or GET /api/jobs instead.`)
	limit := fs.Int("limit", 30, "how many runs")
	job := fs.String("job", "", "only this job: "+strings.Join(jobs.Names, ", "))
	format := fs.String("format", "table", "table or json")
	all := fs.Bool("all", false, "also idle runs (ran, found nothing to do), and the whole reminder list")
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := e.readDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	runs, err := jobs.Recent(ctx, db, *limit, *job, *all)
	if err != nil {
		return err
	}
	missing, err := jobs.Reminders(ctx, db)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSONOut(e, map[string]any{"runs": runs, "reminders": missing})
	}
	printRuns(e, runs)
	printMissing(e, missing, *all)
	return nil
}

// shownZone is the zone run times are printed in: $GOVSCORE_TZ, else Asia/Shanghai.
func shownZone() *time.Location {
	loc, err := time.LoadLocation(envOr("GOVSCORE_TZ", jobs.DefaultTZ))
	if err != nil {
		return time.Local
	}
	return loc
}

func printRuns(e *env, runs []jobs.Record) {
	l, loc := e.lang, shownZone()
	rows := [][]string{{"#", l.T("任务", "Job"), l.T("起因", "Cause"), l.T("开始", "Start"), l.T("结束", "End"),
		l.T("状态", "Status"), l.T("文件", "Files"), l.T("行数", "Rows"), l.T("说明 / 错误", "Detail / error")}}
	for _, r := range runs {
		end := ""
		if r.Finished != nil {
			end = r.Finished.In(loc).Format("01-02 15:04:05")
		}
		note := r.Detail
		if r.Error != "" {
			note = strings.TrimSpace(note + " " + firstLine(r.Error))
		}
		rows = append(rows, []string{strconv.FormatInt(r.ID, 10), r.Job, r.Cause, r.Started.In(loc).Format("2006-01-02 15:04:05"), end,
			r.Status, strconv.Itoa(r.Files), strconv.Itoa(r.Rows), note})
	}
	if len(runs) == 0 {
		e.printf("%s\n", l.T("暂无任务运行记录(govscore serve 运行后才有)", "no job runs yet (they appear once govscore serve runs)"))
		return
	}
	report.Aligned(e.stdout, rows, map[int]bool{0: true, 6: true, 7: true})
}

// shownMissing is how many departments of the reminder list are printed without --all.
const shownMissing = 30

func printMissing(e *env, missing []jobs.Missing, all bool) {
	if len(missing) == 0 {
		return
	}
	l := e.lang
	e.printf(l.T("\n%s 未报送的部门(截止每月 %d 日):%d 个\n", "\nNot submitted for %s by day %d: %d departments\n"), missing[0].Period, missing[0].DueDay, len(missing))
	for i, m := range missing {
		if i == shownMissing && !all {
			e.printf(l.T("  ……另有 %d 个(--all 显示全部)\n", "  … and %d more (--all lists them all)\n"), len(missing)-i)
			break
		}
		e.printf("  %s  %s  %s\n", m.Group, m.DeptCode, m.DeptName)
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// runJobOnce runs one job in this process, as serve would, and waits for the jobs it triggers.
func runJobOnce(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "jobs run", "NAME [--config govscore.yaml] [flags]",
		"Runs one job ("+strings.Join(jobs.Names, ", ")+") once now, with serve's configuration, and records the run.")
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fs.Usage()
		return fmt.Errorf("jobs run: name a job: %s", strings.Join(jobs.Names, ", "))
	}
	name := args[0]
	if !slices.Contains(jobs.Names, name) {
		return fmt.Errorf("jobs run: no job %q: expected one of %s", name, strings.Join(jobs.Names, ", "))
	}
	cfg, err := loadConfig(e, fs, args[1:])
	if err != nil {
		return err
	}
	for _, n := range jobs.Names {
		cfg.Schedules[n] = "off"
	}
	d, err := prepare(ctx, cfg)
	if err != nil {
		return err
	}
	defer d.close()
	start := time.Now()
	d.runner.Run(name, "manual")
	d.runner.Wait()
	d.runner.Stop(cfg.Shutdown)
	runs, err := jobs.Recent(ctx, d.env.DB, 5, "", true)
	if err != nil {
		return err
	}
	var mine []jobs.Record
	for _, r := range runs {
		if !r.Started.Before(start.Add(-time.Second).UTC()) {
			mine = append(mine, r)
		}
	}
	printRuns(e, mine)
	slog.Debug("jobs run done", "job", name)
	return nil
}

func writeJSONOut(e *env, v any) error { return report.WriteJSON(e.stdout, v) }
