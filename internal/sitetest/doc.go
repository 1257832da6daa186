// Package sitetest tests the built site end to end: it builds the real site
// once, serves it, and drives headless Chromium over it (navigation,
// language switch, search, printing, accessibility with axe-core), validates
// its HTML with vnu, checks every link and anchor, bounds the page weight,
// and benchmarks the build. It holds tests only; see the _test.go files.
//
// Environment:
//
//	RUQSAT_SITE=<dir>         test this built site instead of building one
//	RUQSAT_SCREENSHOTS=<dir>  keep the screenshots there (default: discarded)
//
// Chromium must be installed (scripts/setup installs it); without it the
// browser tests fail rather than skip.
package sitetest
