#!/usr/bin/env bash
# Rebuilds the site for its address and publishes it under the web root,
# switching a symlink so readers never see half a site. Run daily (the
# systemd timer beside this file, or cron): pages are also redated in the
# browser, but the no-JavaScript text, the feeds and the sitemap say what
# was true on the day of the build.
#
#   RUQSAT_BASE_URL  the site's address, e.g. https://ruqsat.example/ (required)
#   RUQSAT_REPO      the repository checkout (default: the one holding this script)
#   RUQSAT_WEBROOT   where nginx's root points: $RUQSAT_WEBROOT/public (default /var/www/ruqsat)
#   RUQSAT_PULL=1    `git pull --ff-only` first (the rules as last committed)
#
# A build that fails (lint, Hugo, anything) publishes nothing: the site
# being served stays as it was, and the exit status is not 0.
set -euo pipefail
base=${RUQSAT_BASE_URL:?set RUQSAT_BASE_URL to the site\'s address, e.g. https://ruqsat.example/}
repo=${RUQSAT_REPO:-$(cd "$(dirname "$0")/.." && pwd)}
webroot=${RUQSAT_WEBROOT:-/var/www/ruqsat}
cd "$repo"
if [ "${RUQSAT_PULL:-0}" = 1 ]; then
  git pull --ff-only --quiet
fi
go run ./cmd/ruqsat build --base-url "$base" --out public
mkdir -p "$webroot"
# A folder copied by hand the first time becomes the oldest kept build.
if [ -d "$webroot/public" ] && [ ! -L "$webroot/public" ]; then
  mv "$webroot/public" "$webroot/public-0-copied"
fi
stamp=$(date -u +%Y%m%dT%H%M%SZ)
cp -a public "$webroot/public-$stamp"
ln -sfn "public-$stamp" "$webroot/public.next"
mv -T "$webroot/public.next" "$webroot/public"
# Keep the two newest builds: the one served and the one before it.
ls -1d "$webroot"/public-* | sort | head -n -2 | xargs -r rm -rf
echo "ruqsat-rebuild: $webroot/public → public-$stamp ($base)"
