package checker

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"ruqsat/checker/contract"
	"ruqsat/checker/filetype"
	"ruqsat/checker/pkgread"
	"ruqsat/kzid"
)

// domain runs the checks a schema cannot express.
func (r *run) domain() {
	answers, _ := r.man["answers"].(map[string]any)
	r.documents(answers)
	r.applicant(answers)
	r.dates() // before fee: a payment date in the future is said once, there
	r.fee(answers)
	r.renewal()
	r.renewalReason()       // acts.go
	r.channel()             // acts.go
	r.legalisation(answers) // acts.go
	r.deadline()            // deadline.go
}

// files returns the file paths given for a checklist item.
func files(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// documents checks every file the manifest names: it must be in the
// package, not empty, and by its content one of the types the item takes.
func (r *run) documents(answers map[string]any) {
	docs, _ := r.man["documents"].(map[string]any)
	used := map[string]bool{}
	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		d := r.cl.meta.Document(id)
		if d == nil {
			continue // reported by the schema
		}
		if d.Fetched {
			r.add(r.at(newFinding("document/fetched", argL("name", d.Name)).citing(d.Cite), "documents", id))
		} else if !d.IfAny && !d.Applies(answers) && !r.unanswered(d, answers) {
			r.add(r.at(newFinding("document/not-required", argL("name", d.Name)).citing(d.Cite), "documents", id))
			if r.notRequired == nil {
				r.notRequired = map[string]bool{}
			}
			r.notRequired[id] = true
		}
		for i, name := range files(docs[id]) {
			p := []string{"documents", id}
			if _, list := docs[id].([]any); list {
				p = append(p, strconv.Itoa(i))
			}
			clean, ok := cleanPath(name)
			if !ok {
				r.add(r.file(newFinding("document/bad-path", arg("file", name)), name, p))
				continue
			}
			used[clean] = true
			f := r.pkg.Files[clean]
			if f == nil {
				r.add(r.file(newFinding("document/file-missing", arg("file", name)).citing(d.Cite), name, p))
				continue
			}
			r.fileContent(d, f, p)
		}
	}
	var unused []string
	for p := range r.pkg.Files {
		if !used[p] && !r.signedDocs[p] { // a detached signature's document is used by it
			unused = append(unused, p)
		}
	}
	sort.Strings(unused)
	for _, p := range unused {
		f := newFinding("package/unused-file", arg("file", p))
		f.File = p
		r.add(f)
	}
}

// unanswered reports whether a document's conditions rest on a question
// the manifest leaves unanswered or answers with something that is not
// one of its answers: that mistake is reported (answer/missing,
// answer/invalid), and "not required for your answers" would say it a
// second time, about answers the applicant never gave.
func (r *run) unanswered(d *contract.Document, answers map[string]any) bool {
	valid := func(q, a string) bool {
		if q == "subspecies" {
			for _, o := range r.cl.meta.Subspecies {
				if o.ID == a {
					return true
				}
			}
			return false
		}
		if qu := r.cl.meta.Question(q); qu != nil {
			for _, o := range qu.Options {
				if o.ID == a {
					return true
				}
			}
		}
		return false
	}
	for q := range d.When {
		switch a := answers[q].(type) {
		case string:
			if !valid(q, a) {
				return true
			}
		case []any:
			ok := false
			for _, x := range a {
				if s, _ := x.(string); valid(q, s) {
					ok = true
				}
			}
			if !ok {
				return true
			}
		default:
			return true
		}
	}
	return false
}

func (r *run) file(f Finding, name string, p []string) Finding {
	f = r.at(f, p...)
	f.File = name
	f.Item = p[1]
	return f
}

// cleanPath makes a manifest path relative to the package root, refusing
// paths that climb out of it.
func cleanPath(p string) (string, bool) {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || strings.Contains(p, "\x00") || (len(p) > 1 && p[1] == ':') {
		return "", false
	}
	c := path.Clean(p)
	if c == ".." || strings.HasPrefix(c, "../") || c == "." {
		return "", false
	}
	return c, true
}

var typeNames = map[string]map[string]string{
	"pdf":     {"ru": "PDF", "kk": "PDF", "en": "PDF"},
	"jpeg":    {"ru": "изображение JPEG", "kk": "JPEG суреті", "en": "a JPEG image"},
	"png":     {"ru": "изображение PNG", "kk": "PNG суреті", "en": "a PNG image"},
	"cms":     {"ru": "документ, подписанный ЭЦП (CMS)", "kk": "ЭЦҚ-мен қол қойылған құжат (CMS)", "en": "a digitally signed document (CMS)"},
	"zip":     {"ru": "архив ZIP или документ Office", "kk": "ZIP мұрағаты немесе Office құжаты", "en": "a ZIP archive or Office document"},
	"unknown": {"ru": "файл неизвестного вида", "kk": "белгісіз түрдегі файл", "en": "a file of unknown type"},
	"any":     {"ru": "любой файл", "kk": "кез келген файл", "en": "any file"},
}

func typeList(ts []string) map[string]string {
	or := map[string]string{"ru": " или ", "kk": " немесе ", "en": " or "}
	out := map[string]string{}
	for _, l := range Langs {
		var parts []string
		for _, t := range ts {
			parts = append(parts, localized(typeNames[t], l))
		}
		out[l] = strings.Join(parts, or[l])
	}
	return out
}

var extensions = map[filetype.Type][]string{
	filetype.PDF:  {"pdf"},
	filetype.JPEG: {"jpg", "jpeg", "jpe", "jfif"},
	filetype.PNG:  {"png"},
	filetype.CMS:  {"p7s", "p7m", "p7b", "cms", "sig", "sgn", "cer", "pem", "txt"},
	filetype.ZIP:  {"zip", "docx", "xlsx", "odt", "ods", "asice", "sce"},
}

// fileContent checks one file against what its item accepts.
func (r *run) fileContent(d *contract.Document, f *pkgread.File, p []string) {
	name := f.Path
	if f.Size == 0 {
		r.add(r.file(newFinding("document/file-empty", arg("file", name)).citing(d.Cite), name, p))
		return
	}
	t := filetype.Detect(f.Head, f.Tail, f.Size)
	accept := d.Accept
	if len(accept) == 0 || contains(accept, "any") {
		return
	}
	if ext := strings.ToLower(strings.TrimPrefix(path.Ext(name), ".")); ext != "" && t != filetype.Unknown && !contains(extensions[t], ext) {
		r.add(r.file(newFinding("document/extension", arg("file", name), argL("got", typeNames[string(t)]), arg("ext", ext)), name, p))
	}
	if !contains(accept, string(t)) {
		if contains(accept, string(filetype.CMS)) && smimeFile(f) {
			r.add(r.file(newFinding("signature/smime", arg("file", name)).citing(d.Cite), name, p))
			return
		}
		r.add(r.file(newFinding("document/file-type", arg("file", name), argL("got", typeNames[string(t)]), argL("want", typeList(accept))).citing(d.Cite), name, p))
		return
	}
	switch t {
	case filetype.PDF:
		if err := r.checkPDF(f); err != nil {
			if errors.Is(err, filetype.ErrEncrypted) {
				r.add(r.file(newFinding("document/pdf-encrypted", arg("file", name)), name, p))
				return
			}
			r.add(r.file(newFinding("document/pdf-broken", arg("file", name), argL("why", pdfWhy(err))).withDetail(err.Error()), name, p))
			return
		}
		// A document not required needs no signature: "not required"
		// says all there is to say about it.
		if d.Signed && !r.notRequired[d.ID] && !pdfSigned(f) {
			r.add(r.file(newFinding("document/not-signed", arg("file", name)).citing(d.Cite), name, p))
		}
	case filetype.JPEG, filetype.PNG:
		rc, err := f.Open()
		if err == nil {
			_, _, err = filetype.CheckImage(rc, t)
			rc.Close()
		}
		if err != nil {
			r.add(r.file(newFinding("document/image-broken", arg("file", name)), name, p))
		}
	case filetype.CMS:
		b, err := readAll(f, 8<<20)
		if err == nil {
			err = filetype.CheckCMS(b)
		}
		if err != nil {
			r.add(r.file(newFinding("document/cms-broken", arg("file", name), argL("why", cmsWhy(err))).withDetail(err.Error()), name, p))
			return
		}
		r.signed(d, f, b, p)
	}
}

// checkPDF opens the file for random access when it can, else reads it.
func (r *run) checkPDF(f *pkgread.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	if ra, ok := rc.(io.ReaderAt); ok {
		return filetype.CheckPDF(ra, f.Size)
	}
	b, err := io.ReadAll(io.LimitReader(rc, f.Size+1))
	if err != nil {
		return err
	}
	return filetype.CheckPDF(bytes.NewReader(b), int64(len(b)))
}

// pdfSigned reports whether a PDF holds a signature field: a signed PDF
// keeps /ByteRange and a /Sig dictionary, usually near its end. The file is
// scanned in pieces, so a large PDF is never held in memory whole.
func pdfSigned(f *pkgread.File) bool {
	var byteRange, sig bool
	scan := func(b []byte) bool {
		byteRange = byteRange || bytes.Contains(b, []byte("/ByteRange"))
		sig = sig || bytes.Contains(b, []byte("/Sig")) || bytes.Contains(b, []byte("adbe.pkcs7"))
		return byteRange && sig
	}
	if scan(f.Head) || scan(f.Tail) {
		return true
	}
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	const overlap = 16 // longer than any marker, so one split across pieces is found
	buf := make([]byte, 1<<20)
	n := 0
	for {
		m, err := rc.Read(buf[n:])
		n += m
		if scan(buf[:n]) {
			return true
		}
		if err != nil {
			return false
		}
		if n > overlap {
			n = copy(buf, buf[n-overlap:n])
		}
	}
}

func readAll(f *pkgread.File, max int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, max))
}

func pdfWhy(err error) map[string]string {
	switch {
	case errors.Is(err, filetype.ErrNoHeader):
		return map[string]string{"ru": "это не PDF (нет заголовка %PDF)", "kk": "бұл PDF емес (%PDF тақырыбы жоқ)", "en": "it is not a PDF (no %PDF header)"}
	case errors.Is(err, filetype.ErrNoEOF):
		return map[string]string{"ru": "файл обрезан (нет метки конца %%EOF)", "kk": "файл кесілген (%%EOF соңғы белгісі жоқ)", "en": "the file is cut short (no %%EOF end marker)"}
	case errors.Is(err, filetype.ErrBadXref):
		return map[string]string{"ru": "повреждена таблица перекрёстных ссылок", "kk": "айқас сілтемелер кестесі бүлінген", "en": "its cross-reference table is damaged"}
	}
	return map[string]string{"ru": "повреждена внутренняя структура файла", "kk": "файлдың ішкі құрылымы бүлінген", "en": "its internal structure is damaged"}
}

// applicant checks the application's own fields: a name, and the BIN or
// IIN the answers call for (the checklist says which answer identifies by
// which), with its check digit.
func (r *run) applicant(answers map[string]any) {
	a, _ := r.man["applicant"].(map[string]any)
	if name, given := a["name"]; a == nil || !given || name == "" || name == nil { // another type: the schema says so
		path := []string{"applicant"}
		if a == nil {
			path = nil
		}
		r.add(r.at(newFinding("applicant/name-missing"), path...))
	}
	need := map[string]bool{}
	for _, o := range r.cl.meta.Answered(answers) {
		if o.IDNumber != "" {
			need[o.IDNumber] = true
		}
	}
	for _, id := range []struct {
		field                      string
		kind                       kzid.Kind
		missing, invalid, unquoted string // the findings' codes
	}{
		{contract.IDNumberBIN, kzid.BIN, "applicant/bin-missing", "applicant/bin-invalid", "applicant/bin-unquoted"},
		{contract.IDNumberIIN, kzid.IIN, "applicant/iin-missing", "applicant/iin-invalid", "applicant/iin-unquoted"},
	} {
		v := ""
		if a != nil {
			v = str(a[id.field])
		}
		if digits := r.unquotedNumber("applicant", id.field); digits != "" {
			// Given, but unquoted: YAML read it as a number (and would
			// drop a leading zero). Say so, with the digits as written.
			r.add(r.at(newFinding(id.unquoted, arg("got", digits)), "applicant", id.field))
			continue
		}
		if v == "" {
			if need[id.field] {
				r.add(r.at(newFinding(id.missing), "applicant"))
			}
			continue
		}
		if err := kzid.Validate(v, id.kind); err != nil {
			r.add(r.at(newFinding(id.invalid, arg("got", v), argL("why", idWhy(err))), "applicant", id.field))
		}
	}
}

func idWhy(err error) map[string]string {
	switch {
	case errors.Is(err, kzid.ErrLength):
		return map[string]string{"ru": "нужно 12 цифр", "kk": "12 цифр қажет", "en": "it must have 12 digits"}
	case errors.Is(err, kzid.ErrNotDigits):
		return map[string]string{"ru": "допускаются только цифры", "kk": "тек цифрлар рұқсат етіледі", "en": "only digits are allowed"}
	case errors.Is(err, kzid.ErrChecksum):
		return map[string]string{"ru": "не сходится контрольная цифра — вероятно, опечатка", "kk": "бақылау цифры сәйкес келмейді — қате терілген болуы мүмкін", "en": "the check digit does not match — probably a typo"}
	case errors.Is(err, kzid.ErrBadDate):
		return map[string]string{"ru": "первые шесть цифр — не дата", "kk": "алғашқы алты цифр — күн емес", "en": "its first six digits are not a date"}
	case errors.Is(err, kzid.ErrBadType):
		return map[string]string{"ru": "неверный признак вида лица (5-я цифра)", "kk": "тұлға түрінің белгісі (5-цифр) дұрыс емес", "en": "the entity type (5th digit) is not valid"}
	}
	return same(err.Error())
}

// unquotedNumber returns the digits of a manifest value written as a
// number (YAML's unquoted 190140123451), as they stand in the manifest, or
// "" when the value is not a number.
func (r *run) unquotedNumber(path ...string) string {
	switch valueAt(r.man, path).(type) {
	case float64, interface{ String() string }:
	default:
		return ""
	}
	if n := r.node(path, false); n != nil && n.Value != "" {
		return n.Value
	}
	return fmt.Sprint(valueAt(r.man, path))
}

// mciOn returns the MCI in force on a day, or 0 when the table has no
// value for that day's year: the MCI is set for each year, and last year's
// value is not this year's.
func (r *run) mciOn(day string) int { return r.c.MCIOn(day) }

// MCIOn returns the MCI in tenge in force on a day (see run.mciOn), or 0.
func (c *Checker) MCIOn(day string) int {
	v, from := 0, ""
	for _, m := range c.idx.MCI {
		if m.From <= day {
			v, from = m.KZT, m.From
		}
	}
	if v == 0 || len(day) < 4 || from[:4] != day[:4] {
		return 0
	}
	return v
}

// fee checks the amount paid against the edition's rate: rate × the MCI on
// the payment date. Where the act gives no amount only the proof of payment
// can be checked (a document in the checklist); where it says the service
// is free, no fee is asked.
func (r *run) fee(answers map[string]any) {
	paid, _ := r.man["fee"].(map[string]any)
	// The fee is the one in force on the day of payment (a tax code's rate
	// from a date replaces the rules' own), else on the filing date.
	day := r.filed
	if d := str(paid["date"]); isDate(d) && d >= earliestDate {
		day = d
	}
	fm := r.cl.meta.Fee.On(day)
	switch {
	case fm == nil || fm.Gap != "":
		return
	case !fm.IsDue():
		if paid != nil {
			if n, _ := number(paid["paid"]); n > 0 {
				r.add(r.at(newFinding("fee/not-due").citing(fm.Cite), "fee"))
			}
		}
		return
	case fm.MCI == nil:
		r.add(newFinding("fee/amount-unknown").citing(fm.Cite))
		return
	}
	if paid == nil {
		if r.providerSeesPayment(answers) {
			return
		}
		f := newFinding("fee/missing").citing(fm.Cite)
		f.Path = "/fee"
		r.add(f)
		return
	}
	amount, ok := number(paid["paid"])
	date := str(paid["date"])
	if !ok || !isDate(date) || date < earliestDate || date > r.opt.Today {
		return // the schema, or dates, reports it
	}
	mci := r.mciOn(date)
	if mci == 0 {
		r.add(r.at(newFinding("fee/no-mci", arg("date", date), arg("rate", strconv.FormatFloat(*fm.MCI, 'f', -1, 64))).citing(fm.Cite), "fee", "date"))
		return
	}
	want := int(math.Round(*fm.MCI * float64(mci)))
	paidArg, rate, mciArg := arg("paid", money(amount)), arg("rate", strconv.FormatFloat(*fm.MCI, 'f', -1, 64)), arg("mci", money(float64(mci)))
	if diff := float64(want) - amount; math.Abs(diff) > 0.005 {
		todo := map[string]string{
			"ru": "Доплатите недостающие " + money(diff),
			"kk": "Жетіспейтін " + money(diff) + " сомасын төлеңіз",
			"en": "Pay the missing " + money(diff),
		}
		if diff < 0 {
			todo = map[string]string{
				"ru": "Уплачено на " + money(-diff) + " больше, чем нужно: сверьте сумму и назначение платежа",
				"kk": "Қажетінен " + money(-diff) + " артық төленген: төлем сомасы мен мақсатын тексеріңіз",
				"en": "Paid " + money(-diff) + " more than due: check the amount and what the payment was for",
			}
		}
		f := newFinding("fee/mismatch", argL("todo", todo), paidArg, arg("want", money(float64(want))), rate, mciArg, arg("date", date)).citing(fm.Cite)
		r.add(r.at(f.withDetail(fmt.Sprintf("paid %s, due %d, missing %s", kzt(amount), want, kzt(diff))), "fee", "paid"))
		return
	}
	r.add(r.at(newFinding("fee/ok", paidArg, rate, mciArg).citing(fm.Cite), "fee", "paid"))
}

// providerSeesPayment reports whether the answers say the fee was paid a
// way the provider sees itself (the checklist marks such answers), or do
// not yet say how it was paid (the schema asks for the answer): either way
// no amount or receipt is asked.
func (r *run) providerSeesPayment(answers map[string]any) bool {
	for _, q := range r.cl.meta.Questions {
		for _, o := range q.Options {
			if !o.ProviderSeesPayment {
				continue
			}
			a, asked := answers[q.ID]
			if !asked || str(a) == o.ID {
				return true
			}
		}
	}
	return false
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case interface{ String() string }:
		f, err := strconv.ParseFloat(n.String(), 64)
		return f, err == nil
	}
	return 0, false
}

func kzt(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// earliestDate is the first day any of these acts can concern: the
// Republic's independence. A date before it is a typo (0000-12-29 passes the
// schema's date format but is no payment or filing date).
const earliestDate = "1991-12-16"

// isDate reports whether s is a real day written 2006-01-02.
func isDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// dates checks that dates are possible and not after today, and that the
// fee was paid before the application is filed. (Their form, month 1–12
// and day of month included, is checked by the schema.)
func (r *run) dates() {
	today := r.opt.Today
	check := func(day string, path ...string) {
		if !isDate(day) {
			return
		}
		if day < earliestDate {
			r.add(r.at(newFinding("date/implausible", argL("field", r.fieldName(path)), arg("date", day)), path...))
			return
		}
		if day > today {
			r.add(r.at(newFinding("date/future", argL("field", r.fieldName(path)), arg("date", day), arg("today", today)), path...))
		}
	}
	if f := str(r.man["filed"]); f != "" {
		check(f, "filed")
	}
	fee, _ := r.man["fee"].(map[string]any)
	if fee != nil {
		check(str(fee["date"]), "fee", "date")
		// A payment date in the future is one mistake, said once above.
		if d := str(fee["date"]); isDate(d) && d >= earliestDate && d <= today && r.filed >= earliestDate && d > r.filed {
			r.add(r.at(newFinding("date/fee-after-filing", arg("fee", d), arg("filed", r.filed)), "fee", "date"))
		}
	}
	if ch, _ := r.man["change"].(map[string]any); ch != nil {
		check(str(ch["date"]), "change", "date")
	}
}

// renewal checks that a renewal is filed within its window after the
// change that makes it necessary.
func (r *run) renewal() {
	w := r.cl.meta.RenewalWindow
	if w == nil || w.Unit != "calendar" {
		return // the sources give windows in calendar days only
	}
	ch, _ := r.man["change"].(map[string]any)
	day := str(ch["date"])
	if day == "" {
		r.add(r.at(newFinding("renewal/no-change").citing(w.Cite), "change"))
		return
	}
	c, err1 := time.Parse("2006-01-02", day)
	f, err2 := time.Parse("2006-01-02", r.filed)
	if err1 != nil || err2 != nil || day < earliestDate || r.filed < earliestDate {
		return // dates reports an impossible date
	}
	days := int(f.Sub(c).Hours() / 24)
	daysArg, window := arg("days", fmt.Sprint(days)), arg("window", fmt.Sprint(w.Days))
	if days > w.Days {
		r.add(r.at(newFinding("renewal/late", arg("filed", r.filed), daysArg, arg("change", day), window).citing(w.Cite), "change", "date"))
		return
	}
	if days >= 0 {
		r.add(r.at(newFinding("renewal/in-time", daysArg, window).citing(w.Cite), "change", "date"))
	}
}
