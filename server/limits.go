package server

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Limits bound what one connection may cost the server: a client that sends its headers
// slowly, a request that never ends, a response it never reads, a keep-alive connection left
// open, a huge header.
type Limits struct {
	ReadHeaderTimeout time.Duration `yaml:"read_header_timeout"` // to receive a request's headers
	ReadTimeout       time.Duration `yaml:"read_timeout"`        // to receive a whole request
	WriteTimeout      time.Duration `yaml:"write_timeout"`       // from the end of the headers to the end of the response
	IdleTimeout       time.Duration `yaml:"idle_timeout"`        // a keep-alive connection waiting for its next request
	MaxHeaderBytes    int           `yaml:"max_header_bytes"`    // the request line and headers
}

// DefaultLimits: generous for people on an intranet, short enough that idle or stalled
// connections do not pile up. WriteTimeout leaves room for the largest answer measured, a
// whole 200,000-department group from /api/rankings (under 2 s at country scale); 32 KiB of
// headers is four times what nginx passes by default (large_client_header_buffers 4 8k).
func DefaultLimits() Limits {
	return Limits{ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: 60 * time.Second,
		IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 32 << 10}
}

// Check refuses a limit that is zero or negative (which net/http would read as "no limit").
func (l Limits) Check() error {
	var errs []error
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"read_header_timeout", l.ReadHeaderTimeout}, {"read_timeout", l.ReadTimeout}, {"write_timeout", l.WriteTimeout}, {"idle_timeout", l.IdleTimeout}} {
		if d.v <= 0 {
			errs = append(errs, fmt.Errorf("http.%s %v: expected a positive duration such as 30s", d.name, d.v))
		}
	}
	if l.MaxHeaderBytes < 1024 {
		errs = append(errs, fmt.Errorf("http.max_header_bytes %d: expected 1024 or more", l.MaxHeaderBytes))
	}
	return errors.Join(errs...)
}

// HTTP is an http.Server for h with the limits applied.
func HTTP(h http.Handler, l Limits) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: l.ReadHeaderTimeout, ReadTimeout: l.ReadTimeout,
		WriteTimeout: l.WriteTimeout, IdleTimeout: l.IdleTimeout, MaxHeaderBytes: l.MaxHeaderBytes}
}
