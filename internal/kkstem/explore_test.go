package kkstem

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestExplore(t *testing.T) {
	for _, line := range strings.Split(os.Getenv("KKW"), ";") {
		var out []string
		for _, w := range strings.Fields(line) {
			s, took := stem(Fold(w))
			out = append(out, fmt.Sprintf("%s→%s%v", w, s, took))
		}
		fmt.Println(strings.Join(out, "  "))
	}
}
