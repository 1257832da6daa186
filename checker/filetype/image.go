package filetype

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"io"
)

// MaxDecodePixels is the largest image, in pixels, that CheckImage decodes
// in full. Up to it a truncated scan is caught; above it only the header is
// checked, since the decoded pixels could take gigabytes (a 16-bit RGBA PNG
// takes 8 bytes a pixel). 36 million covers an A4 page scanned at 600 dpi.
const MaxDecodePixels = 36_000_000

// CheckImage reports whether r holds a JPEG or PNG image (as t says) that
// decodes, and returns its width and height. It decodes the whole image
// when it has at most MaxDecodePixels pixels, so a file cut short is caught,
// not only a broken header. The error is an *Error: ErrNotImage if t is not
// JPEG or PNG, ErrBadImage if the bytes do not decode as t.
func CheckImage(r io.Reader, t Type) (w, h int, err error) {
	var (
		config func(io.Reader) (image.Config, error)
		decode func(io.Reader) (image.Image, error)
	)
	switch t {
	case JPEG:
		config, decode = jpeg.DecodeConfig, jpeg.Decode
	case PNG:
		config, decode = png.DecodeConfig, png.Decode
	default:
		return 0, 0, newError(ErrNotImage, -1, nil)
	}
	// Keep what DecodeConfig consumes so that Decode can start over
	// without needing a Seeker.
	var seen bytes.Buffer
	c, err := config(io.TeeReader(r, &seen))
	if err != nil {
		return 0, 0, newError(ErrBadImage, -1, err)
	}
	if c.Width <= 0 || c.Height <= 0 {
		return 0, 0, newError(ErrBadImage, -1, nil)
	}
	if int64(c.Width)*int64(c.Height) <= MaxDecodePixels {
		if _, err := decode(io.MultiReader(&seen, r)); err != nil {
			return c.Width, c.Height, newError(ErrBadImage, -1, err)
		}
	}
	return c.Width, c.Height, nil
}
