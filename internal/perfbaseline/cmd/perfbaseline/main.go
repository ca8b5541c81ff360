// Command perfbaseline generates monitoring tables and grades them the hand-written way, to
// measure jixiao monitor against (see package perfbaseline).
package main

import (
	"fmt"
	"os"

	"github.com/jixiao-go/jixiao/internal/perfbaseline"
)

func main() {
	if err := perfbaseline.Run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, err) //nolint:errcheck // exiting anyway
		os.Exit(2)
	}
}
