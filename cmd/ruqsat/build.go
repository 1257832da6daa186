package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"ruqsat/internal/build"
	"ruqsat/internal/rules"
)

func init() {
	register(&command{
		name:  "build",
		usage: "ruqsat build [--out public] [--today 2006-01-02] [--base-url https://example.org/]",
		short: "build the whole site into public/: lint, pages, checklists, checker, Hugo, search index",
		run:   runBuild,
	})
}

func runBuild(ctx context.Context, e *env, args []string) int {
	c := commandNamed("build")
	fs := newFlags(c, e)
	out := fs.String("out", "public", "output folder")
	today := fs.String("today", "", "the date the site treats as today (default: the current date in Astana)")
	baseURL := fs.String("base-url", "", "the address the site will be published at, e.g. https://example.org/ (default: baseURL in config.toml; none builds a relative site without a sitemap)")
	if err := fs.Parse(args); err != nil {
		return 2 // the flag package has printed the usage
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if *today != "" {
		if _, err := time.Parse("2006-01-02", *today); err != nil {
			fmt.Fprintf(e.stderr, "ruqsat build: --today %q is not a date like 2026-11-29\n", *today)
			return 2
		}
	}
	if _, err := build.BaseURL(e.root, *baseURL); err != nil {
		fmt.Fprintln(e.stderr, addressMessage(err, messageLang()))
		return 2
	}
	return doBuild(ctx, e, build.Options{Root: e.root, Out: *out, Today: *today, Log: e.stderr, BaseURL: *baseURL})
}

// doBuild runs a build and reports it; lint problems print like lint's.
func doBuild(ctx context.Context, e *env, o build.Options) int {
	build.LimitHeap()
	start := time.Now()
	fmt.Fprintln(e.stderr, "ruqsat build:")
	res, err := build.Run(ctx, o)
	var le *build.LintError
	var ae *build.AddressError
	switch {
	case errors.As(err, &ae):
		fmt.Fprintln(e.stderr, addressMessage(err, messageLang()))
		return 2
	case errors.As(err, &le):
		printProblems(e, le.Problems, messageLang())
		fmt.Fprintln(e.stderr, "ruqsat build: stopped: the rule data has problems; nothing was built")
		return 1
	case err != nil:
		fmt.Fprintf(e.stderr, "ruqsat build: %v\n", err)
		return 1
	}
	if res.BaseURL == "" {
		// Said once, at the end, where it is read.
		fmt.Fprintln(e.stderr, addressText["relative"][messageLang()])
	}
	fmt.Fprintf(e.stderr, "ruqsat build: %d pages in %s → %s/\n", res.Pages, time.Since(start).Round(time.Millisecond), o.Out)
	return 0
}

// addressText is what build says about the site's address.
var addressText = map[string]map[rules.Lang]string{
	"relative": {
		rules.RU: "ruqsat build: адрес сайта не задан (--base-url или baseURL в config.toml): ссылки лент и канонические ссылки относительные, $id опубликованных схем относительные, карты сайта (sitemap.xml) нет",
		rules.KK: "ruqsat build: сайттың мекенжайы берілмеген (--base-url немесе config.toml ішіндегі baseURL): арналардың сілтемелері мен канондық сілтемелер салыстырмалы, жарияланған схемалардың $id-і салыстырмалы, сайт картасы (sitemap.xml) жоқ",
		rules.EN: "ruqsat build: no site address configured (--base-url or baseURL in config.toml): the feeds' and canonical links are relative, so are the published schemas' $id, and there is no sitemap (sitemap.xml)",
	},
	"not-absolute": {
		rules.RU: "ruqsat build: адрес сайта %q — не полный адрес: укажите его со схемой и хостом, например https://example.org/",
		rules.KK: "ruqsat build: сайттың мекенжайы %q толық емес: оны схемасымен және хостымен көрсетіңіз, мысалы https://example.org/",
		rules.EN: "ruqsat build: the site address %q is not a full address: give it with its scheme and host, e.g. https://example.org/",
	},
	"scheme": {
		rules.RU: "ruqsat build: адрес сайта %q: допустимы только http:// и https://",
		rules.KK: "ruqsat build: сайттың мекенжайы %q: тек http:// және https:// рұқсат етіледі",
		rules.EN: "ruqsat build: the site address %q: only http:// and https:// are allowed",
	},
	"query": {
		rules.RU: "ruqsat build: адрес сайта %q не может содержать параметры запроса, фрагмент или имя пользователя",
		rules.KK: "ruqsat build: сайттың мекенжайында %q сұрау параметрлері, фрагмент немесе пайдаланушы аты болмауы керек",
		rules.EN: "ruqsat build: the site address %q cannot have a query, a fragment or a user name",
	},
	"path": {
		rules.RU: "ruqsat build: адрес сайта %q указывает на подкаталог: сайт публикуется только в корне хоста (страницы загружают скрипты и проверку из /js/ и /check/), например https://example.org/",
		rules.KK: "ruqsat build: сайттың мекенжайы %q ішкі каталогты көрсетеді: сайт тек хосттың түбірінде жарияланады (беттер скрипттер мен тексеруді /js/ және /check/ ішінен жүктейді), мысалы https://example.org/",
		rules.EN: "ruqsat build: the site address %q points to a sub-folder: the site is published only at a host's root (its pages load their scripts and the checker from /js/ and /check/), e.g. https://example.org/",
	},
	"config": {
		rules.RU: "ruqsat build: не удалось прочитать config.toml: %v",
		rules.KK: "ruqsat build: config.toml оқылмады: %v",
		rules.EN: "ruqsat build: cannot read config.toml: %v",
	},
}

// addressMessage is an AddressError in the reader's language.
func addressMessage(err error, l rules.Lang) string {
	var ae *build.AddressError
	if !errors.As(err, &ae) {
		return err.Error()
	}
	if ae.Reason == "config" {
		return fmt.Sprintf(addressText["config"][l], ae.Err)
	}
	return fmt.Sprintf(addressText[ae.Reason][l], ae.Value)
}
