package pkgread

import (
	"bytes"
	"io"
	"testing"
	"testing/iotest"
)

func TestCapture(t *testing.T) {
	readers := map[string]func(io.Reader) io.Reader{
		"whole":    func(r io.Reader) io.Reader { return r },
		"one byte": iotest.OneByteReader,
		"halves":   iotest.HalfReader,
		"odd":      func(r io.Reader) io.Reader { return &chunked{r: r, n: 3001} }, // under TailSize, not dividing it
	}
	for _, size := range []int{0, 1, TailSize - 1, TailSize, TailSize + 1, HeadSize, HeadSize + 1, 3*HeadSize + 17} {
		b := randomBytes(size, uint64(size))
		for name, wrap := range readers {
			head, tail, n, err := capture(wrap(bytes.NewReader(b)))
			if err != nil || n != int64(size) {
				t.Fatalf("%s %d: n = %d, err = %v", name, size, n, err)
			}
			if !bytes.Equal(head, b[:min(size, HeadSize)]) {
				t.Errorf("%s %d: head differs", name, size)
			}
			if !bytes.Equal(tail, b[max(0, size-TailSize):]) {
				t.Errorf("%s %d: tail differs", name, size)
			}
		}
	}
	// A read error is passed on.
	if _, _, _, err := capture(iotest.ErrReader(io.ErrClosedPipe)); err != io.ErrClosedPipe {
		t.Errorf("err = %v", err)
	}
}

// chunked returns at most n bytes a Read.
type chunked struct {
	r io.Reader
	n int
}

func (c *chunked) Read(p []byte) (int, error) { return c.r.Read(p[:min(len(p), c.n)]) }
