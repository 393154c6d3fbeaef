package logs_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"cordon/logs"
)

// TestNastyInputs: random bytes, huge and quoted fields, NUL bytes and long
// lines read without a panic, as errors of the file:line: shape.
func TestNastyInputs(t *testing.T) {
	sc := dayOne(t)
	head := "time,kind,building,zone,batch,id\n"
	huge := strings.Repeat("y", 900<<10)
	inputs := map[string]string{
		"NUL bytes":           head + "2021-11-25T08:00:00+08:00\x00,express\x00,7,,,\x00\n\x00\x00\x00\n",
		"a huge field":        head + "2021-11-25T08:00:00+08:00,express,7,,," + huge + "\n",
		"a huge unknown kind": head + "2021-11-25T08:00:00+08:00," + huge + ",7,,,\n",
		"a huge header":       huge + "\n",
		"a long line":         head + strings.Repeat("2021-11-25T08:00:00+08:00,express,7,,,x", 40000) + "\n",
		"a long quoted field": head + "2021-11-25T08:00:00+08:00,express,7,,,\"" + strings.Repeat("a\n", 600<<10) + "\"\n",
		"quotes":              head + "\"\"\"\",\"\",\"\"\"\n\"\"\",\"a\"b\"c\",\n\"",
		"only quotes":         strings.Repeat("\"", 1001),
		"commas":              head + strings.Repeat(",", 5000) + "\n",
		"CR only":             strings.ReplaceAll(head+"2021-11-25T08:00:00+08:00,express,7,,,\n", "\n", "\r"),
		"a bad tz":            "date,time,tz,kind\n2021-11-25,08:00,../../../etc/passwd,express\n2021-11-25,08:00,/etc/localtime,express\n2021-11-25,08:00," + huge[:5000] + ",express\n",
		"year 0 and 9999":     head + "0000-01-01T00:00:00Z,express,,,,\n9999-12-31T23:59:59.999999999-23:59,express,,,,\n",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 50 {
		b := make([]byte, rng.IntN(4000))
		for j := range b {
			b[j] = byte(rng.IntN(256))
			if rng.IntN(8) == 0 {
				b[j] = ",\"\n#:"[rng.IntN(5)]
			}
		}
		if i%2 == 0 {
			b = append([]byte(head), b...)
		}
		inputs["random "+string(rune('a'+i%26))+string(rune('a'+i/26))] = string(b)
	}
	for name, text := range inputs {
		t.Run(name, func(t *testing.T) {
			for _, lenient := range []bool{false, true} {
				if _, err := logs.ReadArrivals(context.Background(), "fuzz.csv", strings.NewReader(text), sc, logs.Options{Lenient: lenient}); err != nil {
					checkErr(t, err)
				}
				if _, err := logs.ReadDurations(context.Background(), "fuzz.csv", bytes.NewReader([]byte(text)), logs.Options{Lenient: lenient}); err != nil {
					checkErr(t, err)
				}
			}
		})
	}
}
