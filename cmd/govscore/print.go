package main

import "fmt"

func (e *env) printf(format string, args ...any) { fmt.Fprintf(e.stdout, format, args...) }
