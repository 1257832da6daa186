package kkstem

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

func TestExplore2(t *testing.T) {
	var text string
	for _, f := range []string{"../../sources/002_6885be08da4fe5cf.txt", "../../sources/003_e3c6e59042289d1d.txt"} {
		b, _ := os.ReadFile(f)
		text += string(b)
	}
	groups := map[string]map[string]bool{}
	for _, w := range strings.FieldsFunc(text, notWordRune) {
		f := Fold(w)
		s := Stem(w)
		if groups[s] == nil {
			groups[s] = map[string]bool{}
		}
		groups[s][f] = true
	}
	var keys []string
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		var m []string
		for w := range groups[k] {
			m = append(m, w)
		}
		sort.Strings(m)
		fmt.Printf("%s: %s\n", k, strings.Join(m, " "))
	}
}
