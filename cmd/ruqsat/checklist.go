package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"ruqsat/checker"
	"ruqsat/checker/contract"
)

func init() {
	register(&command{
		name:  "checklist",
		usage: "ruqsat checklist SERVICE [KIND] [--edition YEAR] [--lang ru|kk|en] [--format text|json|yaml] [--template]\n  flags may come before or after the arguments; -- ends them",
		short: "print a checklist: every item, question, answer id and condition with its rule, or a manifest to fill in (--template)",
		run:   runChecklist,
	})
}

// clText are the checklist command's words, per language.
var clText = map[string]map[string]string{
	"edition":       {"ru": "Редакция %s — %s", "kk": "%s редакциясы — %s", "en": "Edition %s — %s"},
	"kind":          {"ru": "Вид заявления: %s — %s (%s)", "kk": "Өтініш түрі: %s — %s (%s)", "en": "Application kind: %s — %s (%s)"},
	"partial":       {"ru": "Перечень в источниках неполный: %s", "kk": "Тізбе дереккөздерде толық емес: %s", "en": "The list is only in part in the sources: %s"},
	"no-list":       {"ru": "Перечня документов в источниках нет: %s", "kk": "Құжаттар тізбесі дереккөздерде жоқ: %s", "en": "The document list is not in the sources: %s"},
	"questions":     {"ru": "Вопросы (answers):", "kk": "Сұрақтар (answers):", "en": "Questions (answers):"},
	"always":        {"ru": "задаётся всегда", "kk": "әрқашан қойылады", "en": "always asked"},
	"asked-when":    {"ru": "задаётся, только если: %s", "kk": "тек мына жағдайда қойылады: %s", "en": "asked only if: %s"},
	"subspecies":    {"ru": "подвиды деятельности, один или несколько", "kk": "қызметтің кіші түрлері, біреуі немесе бірнешеуі", "en": "activity subspecies, one or more"},
	"documents":     {"ru": "Документы (documents) и сведения (info):", "kk": "Құжаттар (documents) және мәліметтер (info):", "en": "Documents (documents) and information (info):"},
	"when":          {"ru": "нужен, если: %s", "kk": "мына жағдайда қажет: %s", "en": "required if: %s"},
	"required":      {"ru": "нужен всегда", "kk": "әрқашан қажет", "en": "always required"},
	"rule":          {"ru": "Правило", "kk": "Қағида", "en": "Rule"},
	"fee":           {"ru": "Сбор:", "kk": "Алым:", "en": "Fee:"},
	"fee-mci":       {"ru": "%s МРП", "kk": "%s АЕК", "en": "%s MCI"},
	"fee-no-amount": {"ru": "взимается; сумма в акте не указана", "kk": "алынады; сомасы актіде көрсетілмеген", "en": "due; the act gives no amount"},
	"fee-free":      {"ru": "не взимается", "kk": "алынбайды", "en": "none"},
	"fee-from":      {"ru": "с %s: %s", "kk": "%s бастап: %s", "en": "from %s: %s"},
	"channels":      {"ru": "Способы подачи (channel):", "kk": "Беру тәсілдері (channel):", "en": "Ways of filing (channel):"},
	"reasons":       {"ru": "Основания для переоформления (change.reason) — только эти:", "kk": "Қайта ресімдеу негіздері (change.reason) — тек осылар:", "en": "Grounds for renewal (change.reason) — only these:"},
	"window":        {"ru": "Срок подачи на переоформление: %d дн. (%s) после изменения (change.date)", "kk": "Қайта ресімдеуге өтініш беру мерзімі: өзгерістен кейін %d күн (%s) (change.date)", "en": "Renewal deadline: %d days (%s) after the change (change.date)"},
	"legalise":      {"ru": "если выдан за рубежом — апостиль или консульская легализация (legalisation)", "kk": "шетелде берілсе — апостиль немесе консулдық заңдастыру (legalisation)", "en": "if issued abroad: apostille or consular legalisation (legalisation)"},
	"signed":        {"ru": "подписывается ЭЦП", "kk": "ЭЦҚ-мен қол қойылады", "en": "signed with a digital signature"},
	"fetched":       {"ru": "услугодатель получает сам — прикладывать не нужно", "kk": "көрсетілетін қызметті беруші өзі алады — қоса берудің қажеті жоқ", "en": "the provider obtains it itself: nothing to attach"},
	"if-any":        {"ru": "если есть", "kk": "бар болса", "en": "if you have one"},
	"copies":        {"ru": "экземпляров: %d", "kk": "%d дана", "en": "%d copies"},
	"files":         {"ru": "файлы: %s", "kk": "файлдар: %s", "en": "files: %s"},
	"calendar":      {"ru": "календарных", "kk": "күнтізбелік", "en": "calendar"},
	"working":       {"ru": "рабочих", "kk": "жұмыс", "en": "working"},
	// Errors (exit 2).
	"err-service": {"ru": "ruqsat checklist: неизвестная услуга %q. Услуги: %s", "kk": "ruqsat checklist: белгісіз қызмет %q. Қызметтер: %s", "en": "ruqsat checklist: unknown service %q. Services: %s"},
	"err-edition": {"ru": "ruqsat checklist: у услуги %s нет редакции %q. Редакции: %s", "kk": "ruqsat checklist: %s қызметінің %q редакциясы жоқ. Редакциялары: %s", "en": "ruqsat checklist: the service %s has no edition %q. Editions: %s"},
	"err-kind":    {"ru": "ruqsat checklist: в редакции %s нет вида заявления %q. Есть: %s", "kk": "ruqsat checklist: %s редакциясында %q өтініш түрі жоқ. Бар түрлері: %s", "en": "ruqsat checklist: the %s edition has no application kind %q. It has: %s"},
	"err-args":    {"ru": "ruqsat checklist: лишний аргумент %q: укажите услугу и, если нужно, вид заявления", "kk": "ruqsat checklist: артық аргумент %q: қызметті және қажет болса өтініш түрін көрсетіңіз", "en": "ruqsat checklist: unexpected argument %q: give the service and, if you like, the application kind"},
	"err-format":  {"ru": "ruqsat checklist: --format должен быть text, json или yaml, а не %q", "kk": "ruqsat checklist: --format мәні text, json немесе yaml болуы керек, %q емес", "en": "ruqsat checklist: --format must be text, json or yaml, not %q"},
	"err-lang":    {"ru": "ruqsat checklist: --lang должен быть ru, kk или en, а не %q", "kk": "ruqsat checklist: --lang мәні ru, kk немесе en болуы керек, %q емес", "en": "ruqsat checklist: --lang must be ru, kk or en, not %q"},
	"err-which":   {"ru": "ruqsat checklist: для --template укажите вид заявления: %s", "kk": "ruqsat checklist: --template үшін өтініш түрін көрсетіңіз: %s", "en": "ruqsat checklist: --template needs an application kind: %s"},
	"err-date":    {"ru": "ruqsat checklist: --as-of %q — не дата вида 2026-11-29", "kk": "ruqsat checklist: --as-of %q — 2026-11-29 түріндегі күн емес", "en": "ruqsat checklist: --as-of %q is not a date like 2026-11-29"},
	"err-nolist":  {"ru": "ruqsat checklist: шаблон составить нельзя: %s", "kk": "ruqsat checklist: үлгіні жасау мүмкін емес: %s", "en": "ruqsat checklist: no template can be made: %s"},
}

func runChecklist(ctx context.Context, e *env, args []string) int {
	c := commandNamed("checklist")
	fs := newFlags(c, e)
	lang := langFlag(fs)
	format := fs.String("format", "text", "output: text, json or yaml")
	edition := fs.String("edition", "", "the edition (year of the act); default: the one in force today, else the newest")
	template := fs.Bool("template", false, "write a manifest to fill in, with comments in the chosen language, instead of the checklist")
	asOf := fs.String("as-of", "", "the day to pick the edition in force for, and the template's filing date (default: today in Astana)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return 2
	}
	l, ok := parseLang(*lang)
	if !ok {
		// The message itself in the environment's language: --lang is wrong.
		fmt.Fprintf(e.stderr, clText["err-lang"][string(messageLang())]+"\n", *lang)
		return 2
	}
	lg := string(l)
	if *format != "text" && *format != "json" && *format != "yaml" {
		fmt.Fprintf(e.stderr, clText["err-format"][lg]+"\n", *format)
		return 2
	}
	if len(pos) == 0 {
		fs.Usage()
		return 2
	}
	day := astanaToday()
	if *asOf != "" {
		if _, err := time.Parse("2006-01-02", *asOf); err != nil {
			fmt.Fprintf(e.stderr, clText["err-date"][lg]+"\n", *asOf)
			return 2
		}
		day = *asOf
	}
	if len(pos) > 2 {
		fmt.Fprintf(e.stderr, clText["err-args"][lg]+"\n", pos[2])
		return 2
	}
	ck, err := newChecker(e.root)
	if err != nil {
		fmt.Fprintf(e.stderr, "ruqsat checklist: %v\n", err)
		return 2
	}
	var svc *checker.ServiceInfo
	var ids []string
	all := ck.Services()
	for i := range all {
		ids = append(ids, all[i].ID)
		if all[i].ID == pos[0] {
			svc = &all[i]
		}
	}
	if svc == nil {
		fmt.Fprintf(e.stderr, clText["err-service"][lg]+"\n", pos[0], strings.Join(ids, ", "))
		return 2
	}
	ed := pickEdition(ck, svc, *edition, day)
	if ed == nil {
		var eds []string
		for _, x := range svc.Editions {
			eds = append(eds, x.Edition)
		}
		fmt.Fprintf(e.stderr, clText["err-edition"][lg]+"\n", svc.ID, *edition, strings.Join(eds, ", "))
		return 2
	}
	kinds := ed.Kinds
	if ed.Gap != "" && *template {
		fmt.Fprintf(e.stderr, clText["err-nolist"][lg]+"\n", checker.Gap(ed.Gap)[lg])
		return 2
	}
	if len(pos) == 2 && ed.Gap == "" {
		kinds = nil
		var have []string
		for _, k := range ed.Kinds {
			have = append(have, k.Kind)
			if k.Kind == pos[1] {
				kinds = []checker.KindInfo{k}
			}
		}
		if kinds == nil {
			fmt.Fprintf(e.stderr, clText["err-kind"][lg]+"\n", ed.Edition, pos[1], strings.Join(have, ", "))
			return 2
		}
	}
	if *template {
		if len(kinds) != 1 {
			var have []string
			for _, k := range kinds {
				have = append(have, k.Kind)
			}
			fmt.Fprintf(e.stderr, clText["err-which"][lg]+"\n", strings.Join(have, ", "))
			return 2
		}
		if kinds[0].Checklist == "" {
			fmt.Fprintf(e.stderr, clText["err-nolist"][lg]+"\n", checker.Gap(kinds[0].Gap)[lg])
			return 2
		}
		m, err := ck.Meta(svc.ID, ed.Edition, kinds[0].Kind)
		if err != nil {
			fmt.Fprintf(e.stderr, "ruqsat checklist: %v\n", err)
			return 2
		}
		return flush(e, func(w io.Writer) { writeTemplate(w, m, ck.KindName(m.Kind), lg, day, ck.MCIOn) })
	}
	// The checklists, in the form asked for.
	type entry struct {
		Kind      string            `json:"kind"`
		KindName  map[string]string `json:"kind_name"`
		Checklist string            `json:"checklist,omitempty"`
		Gap       string            `json:"gap,omitempty"`
		Meta      *contract.Meta    `json:"x-ruqsat,omitempty"`
	}
	out := struct {
		Service string            `json:"service"`
		Name    map[string]string `json:"name"`
		Edition string            `json:"edition"`
		Gap     string            `json:"gap,omitempty"`
		Kinds   []entry           `json:"kinds"`
	}{Service: svc.ID, Name: svc.Name, Edition: ed.Edition, Gap: ed.Gap, Kinds: []entry{}}
	for _, k := range kinds {
		en := entry{Kind: k.Kind, KindName: ck.KindName(k.Kind), Checklist: k.Checklist, Gap: k.Gap}
		if k.Checklist != "" {
			if en.Meta, err = ck.Meta(svc.ID, ed.Edition, k.Kind); err != nil {
				fmt.Fprintf(e.stderr, "ruqsat checklist: %v\n", err)
				return 2
			}
		}
		out.Kinds = append(out.Kinds, en)
	}
	switch *format {
	case "json":
		return flush(e, func(w io.Writer) {
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			enc.Encode(out)
		})
	case "yaml":
		b, _ := json.Marshal(out)
		var n yaml.Node
		if err := yaml.Unmarshal(b, &n); err != nil { // JSON is YAML: the key order is kept
			fmt.Fprintf(e.stderr, "ruqsat checklist: %v\n", err)
			return 2
		}
		blockStyle(&n)
		return flush(e, func(w io.Writer) {
			enc := yaml.NewEncoder(w)
			enc.SetIndent(2)
			enc.Encode(&n)
		})
	}
	return flush(e, func(w io.Writer) {
		fmt.Fprintf(w, "%s — %s\n", svc.ID, svc.Name[lg])
		if ed.Gap != "" {
			fmt.Fprintf(w, clText["no-list"][lg]+"\n", checker.Gap(ed.Gap)[lg])
		}
		for i, en := range out.Kinds {
			if i > 0 {
				fmt.Fprintln(w)
			}
			if en.Meta == nil {
				fmt.Fprintf(w, clText["kind"][lg]+"\n", en.Kind, en.KindName[lg], ed.Edition)
				fmt.Fprintf(w, "  "+clText["no-list"][lg]+"\n", checker.Gap(en.Gap)[lg])
				continue
			}
			printChecklist(w, en.Meta, en.KindName, lg)
		}
	})
}

// pickEdition is the edition named, else the one in force today, else the
// newest; nil for an edition the service does not have.
func pickEdition(ck *checker.Checker, svc *checker.ServiceInfo, want, day string) *checker.EditionInfo {
	if want == "" {
		want = ck.EditionOn(svc.ID, day)
	}
	if want == "" && len(svc.Editions) > 0 {
		want = svc.Editions[len(svc.Editions)-1].Edition
	}
	for i := range svc.Editions {
		if svc.Editions[i].Edition == want {
			return &svc.Editions[i]
		}
	}
	return nil
}

// flush writes through a buffer and reports a failed write (a closed pipe)
// as exit 2.
func flush(e *env, write func(io.Writer)) int {
	out := bufio.NewWriter(e.stdout)
	write(out)
	if err := out.Flush(); err != nil {
		fmt.Fprintf(e.stderr, "ruqsat checklist: %v\n", err)
		return 2
	}
	return 0
}

// blockStyle makes a node parsed from JSON print as block YAML.
func blockStyle(n *yaml.Node) {
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		n.Style = 0
	}
	if n.Kind == yaml.ScalarNode && n.Style == yaml.DoubleQuotedStyle && n.Tag == "!!str" {
		n.Style = 0 // quoted again by the encoder only where YAML needs it
	}
	for _, c := range n.Content {
		blockStyle(c)
	}
}

// conds writes conditions as "question = a, b; question2 = c".
func conds(w map[string][]string) string {
	keys := make([]string, 0, len(w))
	for k := range w {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+" = "+strings.Join(w[k], ", "))
	}
	return strings.Join(parts, "; ")
}

func rulesLine(w io.Writer, indent string, rs []contract.Rule, lang string) {
	for _, r := range rs {
		name := r.ActName[lang]
		if at := r.AtLabel[lang]; at != "" {
			name += ", " + at
		}
		fmt.Fprintf(w, "%s%s: %s %s\n", indent, clText["rule"][lang], name, r.URL[lang])
	}
}

// printChecklist writes one checklist for a person.
func printChecklist(w io.Writer, m *contract.Meta, kindName map[string]string, lg string) {
	fmt.Fprintf(w, clText["edition"][lg]+"\n", m.Edition, m.Act.Name[lg])
	fmt.Fprintf(w, clText["kind"][lg]+"\n", m.Kind, kindName[lg], m.Service+"-"+m.Edition+"-"+m.Kind+".schema.json")
	rulesLine(w, "  ", m.Cite, lg)
	if m.Partial != nil {
		fmt.Fprintf(w, "  "+clText["partial"][lg]+"\n", checker.Gap(m.Partial.Gap)[lg])
	}
	fmt.Fprintln(w, clText["questions"][lg])
	for _, q := range m.Questions {
		scope := clText["always"][lg]
		if len(q.AskedWhen) > 0 {
			var alts []string
			for _, c := range q.AskedWhen {
				alts = append(alts, conds(c))
			}
			scope = fmt.Sprintf(clText["asked-when"][lg], strings.Join(alts, " | "))
		}
		fmt.Fprintf(w, "  %s — %s [%s]\n", q.ID, q.Text[lg], scope)
		for _, o := range q.Options {
			fmt.Fprintf(w, "    %s — %s\n", o.ID, o.Text[lg])
		}
	}
	if len(m.Subspecies) > 0 {
		fmt.Fprintf(w, "  subspecies — %s [%s]\n", clText["subspecies"][lg], clText["always"][lg])
		for _, o := range m.Subspecies {
			fmt.Fprintf(w, "    %s — %s\n", o.ID, o.Text[lg])
			rulesLine(w, "      ", o.Cite, lg)
		}
	}
	fmt.Fprintln(w, clText["documents"][lg])
	for _, d := range m.Documents {
		where := "documents/"
		if d.Medium == "data" {
			where = "info/"
		}
		fmt.Fprintf(w, "  %s%s — %s\n", where, d.ID, d.Name[lg])
		var notes []string
		switch {
		case d.Fetched:
			notes = append(notes, clText["fetched"][lg])
		case len(d.When) > 0:
			notes = append(notes, fmt.Sprintf(clText["when"][lg], conds(d.When)))
		default:
			notes = append(notes, clText["required"][lg])
		}
		if d.IfAny {
			notes = append(notes, clText["if-any"][lg])
		}
		if d.Signed {
			notes = append(notes, clText["signed"][lg])
		}
		if d.Copies > 1 {
			notes = append(notes, fmt.Sprintf(clText["copies"][lg], d.Copies))
		}
		if d.NeedsLegalisation() {
			notes = append(notes, clText["legalise"][lg])
		}
		if len(d.Accept) > 0 {
			notes = append(notes, fmt.Sprintf(clText["files"][lg], strings.Join(d.Accept, ", ")))
		}
		fmt.Fprintf(w, "    %s\n", strings.Join(notes, "; "))
		rulesLine(w, "    ", d.Cite, lg)
	}
	if f := m.Fee; f != nil {
		fmt.Fprintf(w, "%s %s\n", clText["fee"][lg], feeText(f, lg))
		rulesLine(w, "  ", f.Cite, lg)
		for _, ch := range f.Changes {
			fc := &contract.Fee{Due: &ch.Due, MCI: ch.MCI}
			fmt.Fprintf(w, "  "+clText["fee-from"][lg]+"\n", ch.From, feeText(fc, lg))
			rulesLine(w, "    ", ch.Cite, lg)
		}
	}
	if m.Channels != nil {
		fmt.Fprintln(w, clText["channels"][lg])
		for _, o := range m.Channels.Options {
			fmt.Fprintf(w, "  %s — %s\n", o.ID, o.Text[lg])
		}
		rulesLine(w, "  ", m.Channels.Cite, lg)
	}
	if len(m.RenewalReasons) > 0 {
		fmt.Fprintln(w, clText["reasons"][lg])
		for _, o := range m.RenewalReasons {
			fmt.Fprintf(w, "  %s — %s\n", o.ID, o.Text[lg])
			rulesLine(w, "    ", o.Cite, lg)
		}
	}
	if rw := m.RenewalWindow; rw != nil {
		fmt.Fprintf(w, clText["window"][lg]+"\n", rw.Days, clText[rw.Unit][lg])
		rulesLine(w, "  ", rw.Cite, lg)
	}
}

func feeText(f *contract.Fee, lg string) string {
	switch {
	case f.Due == nil:
		return checker.Gap(f.Gap)[lg]
	case !*f.Due:
		return clText["fee-free"][lg]
	case f.MCI == nil:
		return clText["fee-no-amount"][lg]
	}
	return fmt.Sprintf(clText["fee-mci"][lg], trimFloat(*f.MCI))
}

func trimFloat(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// tmplText are the template's comments, per language.
var tmplText = map[string]map[string]string{
	"head":      {"ru": "Манифест пакета: %s, редакция %s, %s. Заполните, положите файлы рядом и проверьте: ruqsat check ПАПКА", "kk": "Топтаманың манифесті: %s, %s редакциясы, %s. Толтырыңыз, файлдарды қасына салыңыз да тексеріңіз: ruqsat check БУМА", "en": "Package manifest: %s, edition %s, %s. Fill it in, put the files beside it and check: ruqsat check FOLDER"},
	"filed":     {"ru": "дата подачи; без неё — сегодня", "kk": "берілген күні; көрсетілмесе — бүгін", "en": "filing date; without it, today"},
	"answers":   {"ru": "ответы, от которых зависит перечень", "kk": "тізбе соларға байланысты болатын жауаптар", "en": "the answers the list depends on"},
	"only-if":   {"ru": "только если %s", "kk": "тек %s болса", "en": "only if %s"},
	"one-of":    {"ru": "один из: %s", "kk": "мыналардың бірі: %s", "en": "one of: %s"},
	"name":      {"ru": "наименование или ФИО заявителя", "kk": "өтініш берушінің атауы немесе Т.А.Ә.", "en": "the applicant's name"},
	"bin":       {"ru": "БИН — 12 цифр, в кавычках", "kk": "БСН — 12 цифр, тырнақшада", "en": "BIN, 12 digits, in quotes"},
	"iin":       {"ru": "ИИН — 12 цифр, в кавычках (для физического лица и ИП вместо БИН)", "kk": "ЖСН — 12 цифр, тырнақшада (жеке тұлға мен жеке кәсіпкер үшін БСН орнына)", "en": "IIN, 12 digits, in quotes (for an individual or entrepreneur, instead of the BIN)"},
	"address":   {"ru": "адрес", "kk": "мекенжай", "en": "address"},
	"fee":       {"ru": "уплаченный сбор: сумма в тенге и дата оплаты", "kk": "төленген алым: теңгемен сомасы және төлем күні", "en": "the fee paid: amount in tenge and payment date"},
	"change":    {"ru": "изменение, из-за которого нужно переоформление: дата и основание", "kk": "қайта ресімдеуге негіз болған өзгеріс: күні мен негізі", "en": "the change that calls for the renewal: its date and ground"},
	"channel":   {"ru": "способ подачи", "kk": "беру тәсілі", "en": "how you file"},
	"documents": {"ru": "файлы пакета для каждого пункта перечня", "kk": "тізбенің әр тармағына топтама файлдары", "en": "the package's files for each item of the list"},
	"info":      {"ru": "сведения, которые вписываются в заявление", "kk": "өтінішке жазылатын мәліметтер", "en": "information written into the application"},
	"legal":     {"ru": "для документов, выданных за рубежом: apostille, consular, treaty или none", "kk": "шетелде берілген құжаттар үшін: apostille, consular, treaty немесе none", "en": "for documents issued abroad: apostille, consular, treaty or none"},
	"fill":      {"ru": "заполните", "kk": "толтырыңыз", "en": "fill in"},
}

// writeTemplate writes a manifest skeleton for a checklist: each question
// answered with its first option (the rest in a comment), the documents
// those answers require with a file name to replace, the other documents
// and their conditions as comments. Filled in, `ruqsat check` accepts it.
func writeTemplate(w io.Writer, m *contract.Meta, kindName map[string]string, lg, today string, mciOn func(string) int) {
	t := func(k string) string { return tmplText[k][lg] }
	fill := t("fill")
	fmt.Fprintf(w, "# yaml-language-server: $schema=https://ruqsat.invalid/schemas/checklists/package.schema.json\n")
	fmt.Fprintf(w, "# "+t("head")+"\n", m.ServiceName[lg], m.Edition, kindName[lg])
	fmt.Fprintf(w, "ruqsat: 1\nservice: %s\nedition: %q\nkind: %s\n", m.Service, m.Edition, m.Kind)
	fmt.Fprintf(w, "filed: %q  # %s\n", today, t("filed"))
	answers := map[string]any{}
	fmt.Fprintf(w, "answers:  # %s\n", t("answers"))
	for _, q := range m.Questions {
		if !q.Asked(answers) {
			continue
		}
		var ids []string
		for _, o := range q.Options {
			ids = append(ids, o.ID+" — "+o.Text[lg])
		}
		fmt.Fprintf(w, "  # %s %s\n", q.Text[lg], fmt.Sprintf(t("one-of"), strings.Join(ids, "; ")))
		answers[q.ID] = q.Options[0].ID
		fmt.Fprintf(w, "  %s: %s\n", q.ID, yamlScalar(q.Options[0].ID))
	}
	if len(m.Subspecies) > 0 {
		var ids []string
		for _, o := range m.Subspecies {
			ids = append(ids, o.ID+" — "+o.Text[lg])
		}
		fmt.Fprintf(w, "  # %s: %s\n", clText["subspecies"][lg], strings.Join(ids, "; "))
		answers["subspecies"] = []any{m.Subspecies[0].ID}
		fmt.Fprintf(w, "  subspecies: [%s]\n", m.Subspecies[0].ID)
	}
	idBy := ""
	for _, o := range m.Answered(answers) {
		if o.IDNumber != "" {
			idBy = o.IDNumber
		}
	}
	fmt.Fprintln(w, "applicant:")
	fmt.Fprintf(w, "  name: %q  # %s\n", fill, t("name"))
	switch idBy {
	case contract.IDNumberIIN:
		fmt.Fprintf(w, "  iin: \"000000000000\"  # %s\n", t("iin"))
	default:
		fmt.Fprintf(w, "  bin: \"000000000000\"  # %s\n", t("bin"))
	}
	fmt.Fprintf(w, "  address: %q  # %s\n", fill, t("address"))
	if f := m.Fee.On(today); f.IsDue() && !providerSees(m, answers) {
		// The amount due today where the act and the MCI table give it.
		paid := 0
		if f.MCI != nil {
			paid = int(*f.MCI*float64(mciOn(today)) + 0.5)
		}
		fmt.Fprintf(w, "fee:  # %s\n  paid: %d\n  date: %q\n", t("fee"), paid, today)
	}
	if m.Kind == "renewal" {
		fmt.Fprintf(w, "change:  # %s\n  date: %q\n", t("change"), today)
		if len(m.RenewalReasons) > 0 {
			// The first case of the act's list that concerns this applicant.
			var ids []string
			pick := ""
			for _, o := range m.RenewalReasons {
				ids = append(ids, o.ID)
				if pick == "" && (len(o.Applicants) == 0 || answersAny(answers, o.Applicants)) {
					pick = o.ID
				}
			}
			if pick == "" {
				pick = ids[0]
			}
			fmt.Fprintf(w, "  reason: %s  # %s\n", pick, fmt.Sprintf(t("one-of"), strings.Join(ids, ", ")))
		}
	}
	if m.Channels != nil {
		var ids []string
		for _, o := range m.Channels.Options {
			ids = append(ids, o.ID)
		}
		fmt.Fprintf(w, "channel: %s  # %s, %s\n", ids[0], t("channel"), fmt.Sprintf(t("one-of"), strings.Join(ids, ", ")))
	}
	var docs, info, other, legal bytes.Buffer
	for _, d := range m.Documents {
		if d.Medium == "object" || d.Fetched {
			continue
		}
		applies := d.Applies(answers) && !d.IfAny
		line := fmt.Sprintf("%s: docs/%s.pdf", d.ID, d.ID)
		if d.Medium == "data" {
			line = fmt.Sprintf("%s: %q", d.ID, fill)
		}
		comment := d.Name[lg]
		if d.Signed {
			comment += " (" + clText["signed"][lg] + ")"
		}
		if d.IfAny {
			comment += " (" + clText["if-any"][lg] + ")"
		}
		switch {
		case !applies:
			cond := ""
			if len(d.When) > 0 {
				cond = ", " + fmt.Sprintf(t("only-if"), conds(d.When))
			}
			fmt.Fprintf(&other, "  # %s  # %s%s\n", line, comment, cond)
		case d.Medium == "data":
			fmt.Fprintf(&info, "  %s  # %s\n", line, comment)
		default:
			fmt.Fprintf(&docs, "  %s  # %s\n", line, comment)
		}
		if applies && d.NeedsLegalisation() {
			fmt.Fprintf(&legal, "#   %s: apostille\n", d.ID)
		}
	}
	if info.Len() > 0 {
		fmt.Fprintf(w, "info:  # %s\n%s", t("info"), info.String())
	}
	fmt.Fprintf(w, "documents:  # %s\n%s%s", t("documents"), docs.String(), other.String())
	if legal.Len() > 0 {
		fmt.Fprintf(w, "# legalisation:  # %s\n%s", t("legal"), legal.String())
	}
}

// answersAny reports whether any answer is one of ids.
func answersAny(answers map[string]any, ids []string) bool {
	for _, v := range answers {
		if s, ok := v.(string); ok && slices.Contains(ids, s) {
			return true
		}
	}
	return false
}

// providerSees reports whether the answers pay the fee a way the provider
// sees itself: then the manifest gives no fee.
func providerSees(m *contract.Meta, answers map[string]any) bool {
	for _, o := range m.Answered(answers) {
		if o.ProviderSeesPayment {
			return true
		}
	}
	return false
}

// yamlScalar quotes what a YAML reader might take for another type: "yes"
// and "no" are booleans in YAML 1.1, which many editors still follow.
func yamlScalar(s string) string {
	var v any
	if err := yaml.Unmarshal([]byte(s), &v); err != nil {
		return fmt.Sprintf("%q", s)
	}
	switch strings.ToLower(s) {
	case "yes", "no", "on", "off", "y", "n":
		return fmt.Sprintf("%q", s)
	}
	if _, ok := v.(string); !ok {
		return fmt.Sprintf("%q", s)
	}
	return s
}
