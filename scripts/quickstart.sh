#!/usr/bin/env bash
# The main job in one command: set up, build, index the bundled sample corpus
# into ./sample-db and run a ranked Dutch query.
#   scripts/quickstart.sh ["your query"]
set -euo pipefail
cd "$(dirname "$0")/.."
query="${1:-navo trainingsmissie}"
echo "== set-up and build (the first run installs packages and compiles for a few minutes)"
NEWSINDEX_TARGET=newsindex_cli bash scripts/build.sh release
cli=build/release/tools/newsindex
rm -rf sample-db
echo "== newsindex index --db sample-db corpora/sample/text"
"$cli" index --db sample-db corpora/sample/text
echo
echo "== newsindex search --db sample-db --limit 5 --collapse \"$query\""
"$cli" search --db sample-db --limit 5 --collapse "$query"
