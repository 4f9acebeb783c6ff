#!/usr/bin/env bash
# Fuzzes one target the way FUZZING.md records it: one worker, niced, the seed corpus built
# from fuzz/seeds and the repository's own test files, crashes in fuzz/artifacts/TARGET.
#   fuzz/run.sh TARGET [libFuzzer flags...]     e.g. fuzz/run.sh markdown_html -runs=1000000
set -euo pipefail
cd "$(dirname "$0")/.."
target=$1
shift
corpus=fuzz/corpus/$target
mkdir -p "$corpus"
seed() { cp -n "$@" "$corpus"/ 2>/dev/null || true; }
src=tests/data/sources
case $target in
  dossier_file) seed crates/store/demo/*.json tests/data/dossiers/*.json fuzz/seeds/dossier_file/* ;;
  register_csv | extract_table) seed $src/*.csv $src/*.txt fuzz/seeds/register_csv/* ;;
  markdown_html | markdown_pdf) seed fuzz/seeds/markdown/* ;;
  extract_pdf) seed $src/*.pdf ;;
  extract_docx) seed $src/*.docx ;;
  extract_eml) seed $src/*.eml ;;
  extract_text) seed $src/*.txt $src/*.csv $src/*.eml fuzz/seeds/markdown/* ;;
  personal_scan) seed fuzz/seeds/personal_scan/* $src/telefoonnotitie.txt ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
max_len=()
[ "$target" = markdown_pdf ] && max_len=(-max_len=2048)
export CARGO_BUILD_JOBS=1
exec nice -n 19 cargo +nightly fuzz run -s none -a "$target" "$corpus" -- \
  -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "${max_len[@]}" "$@"
