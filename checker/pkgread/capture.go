package pkgread

import "io"

// capture reads r to the end, keeping only its first HeadSize and last
// TailSize bytes, so that a 50 MiB file costs 68 KiB of memory.
func capture(r io.Reader) (head, tail []byte, n int64, err error) {
	buf := make([]byte, 32<<10)
	var ring []byte
	for {
		m, rerr := r.Read(buf)
		chunk := buf[:m]
		n += int64(m)
		if room := HeadSize - len(head); room > 0 {
			head = append(head, chunk[:min(room, len(chunk))]...)
		}
		if len(chunk) >= TailSize {
			ring = append(ring[:0], chunk[len(chunk)-TailSize:]...)
		} else if len(chunk) > 0 {
			ring = append(ring, chunk...)
			if len(ring) > TailSize {
				ring = append(ring[:0], ring[len(ring)-TailSize:]...)
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return nil, nil, n, rerr
		}
	}
	if n <= HeadSize {
		// The head holds everything; let the tail share it.
		return head, head[max(0, len(head)-TailSize):], n, nil
	}
	return head, ring, n, nil
}
