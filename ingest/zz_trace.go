package ingest

import (
	"fmt"
	"os"
	"time"
)

var traceT = time.Now()

func trace(step string) {
	if os.Getenv("GS_TRACE") != "" {
		fmt.Fprintf(os.Stderr, "  %-20s %v\n", step, time.Since(traceT).Round(time.Millisecond))
	}
	traceT = time.Now()
}
