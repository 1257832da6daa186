package filetype

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"
)

func testImage(w, h int) image.Image {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.Set(x, y, color.RGBA{uint8(x * 7), uint8(y * 13), uint8(x ^ y), 255})
		}
	}
	return m
}

func jpegBytes(t testing.TB) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, testImage(64, 48), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func pngBytes(t testing.TB) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, testImage(64, 48)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestCheckImage(t *testing.T) {
	j, p := jpegBytes(t), pngBytes(t)
	tests := []struct {
		name string
		b    []byte
		t    Type
		want ErrorKind
	}{
		{"jpeg", j, JPEG, ""},
		{"png", p, PNG, ""},
		{"jpeg said to be png", j, PNG, ErrBadImage},
		{"png said to be jpeg", p, JPEG, ErrBadImage},
		// The header survives, so DecodeConfig alone would pass these.
		{"jpeg cut short", j[:len(j)*2/3], JPEG, ErrBadImage},
		{"png cut short", p[:len(p)*2/3], PNG, ErrBadImage},
		{"png with a broken CRC", flipByte(p, len(p)-20), PNG, ErrBadImage},
		{"empty", nil, JPEG, ErrBadImage},
		{"pdf is not an image", minimalPDF(), PDF, ErrNotImage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, h, err := CheckImage(bytes.NewReader(tt.b), tt.t)
			if tt.want == "" {
				if err != nil || w != 64 || h != 48 {
					t.Fatalf("CheckImage = %d, %d, %v; want 64, 48, nil", w, h, err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("CheckImage = %v, want %s", err, tt.want)
			}
		})
	}
}

func TestCheckImageHugeHeaderOnly(t *testing.T) {
	// A PNG header claiming 100000×100000 pixels, with no pixel data: the
	// config is read and the full decode skipped, so this neither allocates
	// 40 GB nor fails.
	var b bytes.Buffer
	if err := png.Encode(&b, testImage(1, 1)); err != nil {
		t.Fatal(err)
	}
	p := b.Bytes()
	// IHDR's width and height are at bytes 16..23 and its CRC, over the
	// chunk type and data (12..28), at 29..32.
	p[16], p[17], p[18], p[19] = 0, 1, 0x86, 0xA0
	p[20], p[21], p[22], p[23] = 0, 1, 0x86, 0xA0
	binary.BigEndian.PutUint32(p[29:], crc32.ChecksumIEEE(p[12:29]))
	w, h, err := CheckImage(bytes.NewReader(p), PNG)
	if err != nil || w != 100000 || h != 100000 {
		t.Fatalf("CheckImage = %d, %d, %v", w, h, err)
	}
}

func flipByte(b []byte, i int) []byte {
	b = bytes.Clone(b)
	b[i] ^= 0xFF
	return b
}
