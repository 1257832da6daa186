// Scratch: crops a PNG (removed when done). crop in.png y0 height out.png
package main

import (
	"image"
	"image/draw"
	"image/png"
	"os"
	"strconv"
)

func main() {
	f, _ := os.Open(os.Args[1])
	img, err := png.Decode(f)
	if err != nil {
		panic(err)
	}
	y0, _ := strconv.Atoi(os.Args[2])
	h, _ := strconv.Atoi(os.Args[3])
	b := img.Bounds()
	r := image.Rect(0, y0, b.Dx(), min(y0+h, b.Dy()))
	out := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(out, out.Bounds(), img, r.Min, draw.Src)
	w, _ := os.Create(os.Args[4])
	png.Encode(w, out)
	w.Close()
}
