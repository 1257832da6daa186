package rules

import "reflect"

var gapType = reflect.TypeFor[Gap]()

// EachGap calls fn for every known-to-be-missing fact (every Gap that is
// not Known) inside v, which points to a model value: an edition, an act.
// It walks the value's fields, so a gap a new field brings is covered
// without naming it here; pointers are followed once.
func EachGap(v any, fn func(*Gap)) {
	seen := map[uintptr]bool{}
	var walk func(reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(v.Elem())
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			if v.Type() == gapType {
				if v.CanAddr() {
					if g := v.Addr().Interface().(*Gap); !g.Known() {
						fn(g)
					}
				}
				return
			}
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			it := v.MapRange()
			for it.Next() {
				// Map values cannot be addressed: copy, and pass the copy.
				c := reflect.New(it.Value().Type()).Elem()
				c.Set(it.Value())
				walk(c)
			}
		}
	}
	walk(reflect.ValueOf(v))
}
