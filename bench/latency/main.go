// Command latency times, in one process, what a user waits for on a scored database: the whole
// ranking of one group, its first page of 50, and explain of one department (three times each,
// the first cold).
//
//	go run ./bench/latency DB PERIOD GROUP DEPT
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/govscore/govscore/scoring"
	"github.com/govscore/govscore/storage"
)

func main() {
	if len(os.Args) != 5 {
		fmt.Fprintln(os.Stderr, "usage: latency DB PERIOD GROUP DEPT")
		os.Exit(2)
	}
	db, period, group, dept := os.Args[1], os.Args[2], os.Args[3], os.Args[4]
	ctx := context.Background()
	start := time.Now()
	conn, err := storage.OpenReadOnly(ctx, db) // it only reads: never creates or changes the file
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer conn.Close()
	fmt.Printf("open                %v\n", time.Since(start).Round(time.Microsecond))
	steps := []struct {
		name string
		run  func() (int, error)
	}{
		{"rank (whole group)", func() (int, error) {
			st, err := scoring.Rank(ctx, conn, period, group)
			return len(st), err
		}},
		{"rank --limit 50", func() (int, error) {
			st, err := scoring.RankPage(ctx, conn, period, group, 50, 0)
			return len(st), err
		}},
		{"explain", func() (int, error) {
			ex, err := scoring.Explain(ctx, conn, dept, period)
			if err != nil {
				return 0, err
			}
			return len(ex.Lines), nil
		}},
	}
	for _, s := range steps {
		for i := 0; i < 3; i++ {
			t := time.Now()
			n, err := s.run()
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s: %v\n", s.name, err)
				os.Exit(1)
			}
			fmt.Printf("%-19s %v (%d rows)\n", s.name, time.Since(t).Round(time.Microsecond), n)
		}
	}
}
