package checker

import "testing"

// TestMoney: amounts as people write them, thousands grouped with a narrow
// no-break space, tiyn only when there are any.
func TestMoney(t *testing.T) {
	for v, want := range map[float64]string{
		0:        "0\u202f₸",
		500:      "500\u202f₸",
		8650:     "8\u202f650\u202f₸",
		86500:    "86\u202f500\u202f₸",
		1234567:  "1\u202f234\u202f567\u202f₸",
		17300.5:  "17\u202f300,50\u202f₸",
		99.999:   "100\u202f₸",
		-77850:   "−77\u202f850\u202f₸",
		100000.1: "100\u202f000,10\u202f₸",
	} {
		if got := money(v); got != want {
			t.Errorf("money(%v) = %q, want %q", v, got, want)
		}
	}
}
