package main

import "flag"

// parseInterleaved parses flags written anywhere among the arguments, as
// people type them (ruqsat check pkg --format json): Go's flag package
// stops at the first argument that is not a flag, so parsing resumes after
// each one. "--" still ends the flags: everything after it is an argument,
// even if it starts with "-". It returns the arguments in order.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var out []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(out, rest...), nil
		}
		if len(rest) == 0 {
			return out, nil
		}
		out, args = append(out, rest[0]), rest[1:]
	}
}
