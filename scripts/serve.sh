#!/usr/bin/env bash
# The search service on the bundled sample corpus, in one command: set up,
# build, index corpora/sample/jsonl into ./sample-db, serve it on 127.0.0.1:8080.
#   scripts/serve.sh [--listen HOST:PORT]  (Ctrl-C stops it)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== set-up and build (the first run installs packages and compiles for a few minutes)"
NEWSINDEX_TARGET=newsindex_cli bash scripts/build.sh release
cli=build/release/tools/newsindex
rm -rf sample-db
"$cli" index --db sample-db corpora/sample/jsonl 2>/dev/null
echo "== newsindex serve --db sample-db $*   (open the address below in a browser)"
exec "$cli" serve --db sample-db "$@"
