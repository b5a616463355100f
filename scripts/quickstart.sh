#!/usr/bin/env bash
# The main job in one command: set up, build, index the bundled sample corpus
# into ./sample-db and run a ranked Dutch query.
#   scripts/quickstart.sh ["your query"]
set -euo pipefail
cd "$(dirname "$0")/.."
query="${1:-navo trainingsmissie}"
bash scripts/build.sh release >/dev/null
cli=build/release/tools/newsindex
rm -rf sample-db
echo "== newsindex index --db sample-db corpora/sample/text"
"$cli" index --db sample-db corpora/sample/text
echo
echo "== newsindex search --db sample-db \"$query\""
"$cli" search --db sample-db --limit 5 "$query"
