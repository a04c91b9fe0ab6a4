#!/usr/bin/env bash
# End-to-end checks of the dossier command: help, exit codes, outputs,
# stdin, bad inputs, HTML escaping. Usage: cli_test.sh DOSSIER_BINARY SOURCE_DIR
set -u
bin="$1"
src="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
passes=0
check() {  # check NAME CONDITION...
  local name="$1"; shift
  if "$@"; then echo "ok   $name"; passes=$((passes + 1)); else echo "FAIL $name"; fails=$((fails + 1)); fi
}

"$bin" --help >"$tmp/help" 2>&1
check "help exits 0" test $? -eq 0
check "help names analyze" grep -q "analyze" "$tmp/help"
"$bin" analyze --help >"$tmp/ahelp" 2>&1
check "analyze help has examples" grep -q "Examples" "$tmp/ahelp"

"$bin" analyze --no-such-option x >/dev/null 2>&1
check "unknown option exits 2" test $? -eq 2

"$bin" analyze "$src/examples/corpus" --out "$tmp/out" --progress never \
  2>"$tmp/err"
check "example corpus exits 0" test $? -eq 0
check "dossier.json written" test -s "$tmp/out/dossier.json"
check "report.html written" test -s "$tmp/out/report.html"
check "summary line" grep -q "documents, 0 errors" "$tmp/err"
check "no temp files left" test -z "$(ls "$tmp/out" | grep tmp)"

printf 'Harbour Talks\n\nThe <script>alert(1)</script> delegates met.\n' |
  "$bin" analyze - --out "$tmp/stdin" --quiet
check "stdin exits 0" test $? -eq 0
check "stdin document present" grep -q '"source": "-"' "$tmp/stdin/dossier.json"
check "html escapes article markup" \
  bash -c "! grep -q '<script>alert(1)' '$tmp/stdin/report.html'"

printf 'Good Title\n\nA fine body text.\n' >"$tmp/good.txt"
printf 'Bad \xff byte\n' >"$tmp/bad.txt"
: >"$tmp/empty.txt"
"$bin" analyze "$tmp/good.txt" "$tmp/bad.txt" "$tmp/empty.txt" \
  "$tmp/missing.txt" --out "$tmp/bad" 2>"$tmp/baderr"
check "bad inputs exit 1" test $? -eq 1
check "invalid utf-8 named" grep -q "bad.txt: input.invalid_utf8" "$tmp/baderr"
check "empty named" grep -q "empty.txt: input.empty" "$tmp/baderr"
check "missing named" grep -q "missing.txt: input.unreadable" "$tmp/baderr"
check "errors in json" grep -q '"input.invalid_utf8"' "$tmp/bad/dossier.json"
check "good document kept" grep -q 'A fine body text' "$tmp/bad/dossier.json"

page="$src/testdata/analyze/html_pages/input/01_lakeside_courier.html"
"$bin" extract "$page" >"$tmp/extract.txt" 2>"$tmp/extract.err"
check "extract exits 0" test $? -eq 0
check "extract prints the body" grep -q "temporary ramp" "$tmp/extract.txt"
check "extract drops the menu" bash -c "! grep -q 'Accept all cookies' '$tmp/extract.txt'"
"$bin" extract "$page" --json >"$tmp/extract.json"
check "extract --json has metadata" grep -q '"outlet": "The Lakeside Courier"' "$tmp/extract.json"
cat "$page" | "$bin" extract - >"$tmp/extract_stdin.txt"
check "extract reads stdin as HTML" grep -q "temporary ramp" "$tmp/extract_stdin.txt"
# A small crawl built here from our own pages: per-record gzip members,
# two HTML 200 responses, a 404, an image and a request record.
warc_record() {  # warc_record TYPE URI HTTP_STATUS CONTENT_TYPE BODY
  local http
  http=$(printf 'HTTP/1.1 %s\r\nContent-Type: %s\r\n\r\n%s' "$3" "$4" "$5")
  printf 'WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2025-03-12T08:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' \
    "$1" "$2" "${#http}" "$http" | gzip -c
}
page1='<html><head><title>Ferry strike ends | Lakeside Courier</title><meta property="article:published_time" content="2025-03-11T09:00:00Z"></head><body><nav><a href="/">Home</a></nav><article><h1>Ferry strike ends</h1><p>Ferry crews on Lake Orvan returned to work on Tuesday after the union and the operator agreed a new rota, the union said.</p><p>Services between Varn and Holt will run to the normal timetable from Wednesday morning, the operator added in a statement.</p></article><footer>Copyright Lakeside Courier</footer></body></html>'
page2='<html><head><title>Bridge vote delayed | Northshore Times</title></head><body><div class="entry-content"><p>The council of Holt postponed its vote on the new road bridge to April, citing a late report on the costs of the project.</p><p>Mayor Ilse Varga said the delay would not change the opening date planned for next year.</p></div><div class="related"><a href="/x">More news</a></div></body></html>'
{
  warc_record response https://courier.example/ferry "200 OK" "text/html; charset=utf-8" "$page1"
  warc_record response https://courier.example/gone "404 Not Found" "text/html" "<p>Not here</p>"
  warc_record response https://courier.example/logo.png "200 OK" "image/png" "PNGDATA"
  warc_record request https://times.example/bridge "200 OK" "text/html" "GET"
  warc_record response https://times.example/bridge "200 OK" "text/html" "$page2"
} >"$tmp/crawl.warc.gz"
"$bin" analyze "$tmp/crawl.warc.gz" --out "$tmp/crawl" --progress never 2>"$tmp/crawlerr"
check "warc.gz exits 0" test $? -eq 0
check "warc.gz reads two pages" grep -q "2 HTML pages read" "$tmp/crawlerr"
check "warc.gz counts skipped records" grep -q "1 non-200, 1 non-HTML" "$tmp/crawlerr"
check "warc.gz body text kept" grep -q "Ferry crews on Lake Orvan" "$tmp/crawl/dossier.json"
check "warc.gz second page kept" grep -q "Mayor Ilse Varga" "$tmp/crawl/dossier.json"
check "warc.gz chrome dropped" bash -c "! grep -q 'More news' '$tmp/crawl/dossier.json'"
check "warc.gz url kept" grep -q "https://times.example/bridge" "$tmp/crawl/dossier.json"

printf 'WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort' >"$tmp/bad.warc"
"$bin" analyze "$tmp/bad.warc" "$tmp/good.txt" --out "$tmp/warc" 2>"$tmp/warcerr"
check "bad warc exits 1" test $? -eq 1
check "bad warc named" grep -q "bad.warc: input.malformed_warc" "$tmp/warcerr"
check "good input beside bad warc kept" grep -q 'A fine body text' "$tmp/warc/dossier.json"

cat >"$tmp/kb.jsonl" <<'KB'
{"id": "country:zz-test", "name": "Norland", "type": "LOC", "demonyms": ["Norlandic"]}
{"id": "person:mara-velden", "name": "Mara Velden", "type": "PERSON", "roles": [{"office": "president", "of": "country:zz-test", "from": "2024-03-01"}]}
KB
printf '{"title": "Bridge Opens", "published": "2025-05-15", "text": "Former Norlandic President Mara Velden opened the bridge in Keldby on Monday."}\n' >"$tmp/kbdoc.jsonl"
"$bin" analyze "$tmp/kbdoc.jsonl" --kb "$tmp/kb.jsonl" --out "$tmp/kbout" -q
check "analyze --kb exits 0" test $? -eq 0
check "user kb links the entity" grep -q '"kb": "person:mara-velden"' "$tmp/kbout/dossier.json"
check "role conflict reported" grep -q '"kind": "role_conflict"' "$tmp/kbout/dossier.json"
printf '{"id": "broken"\n' >"$tmp/badkb.jsonl"
"$bin" analyze "$tmp/kbdoc.jsonl" --kb "$tmp/badkb.jsonl" --out "$tmp/kbbad" 2>"$tmp/kberr"
check "bad kb file exits 2" test $? -eq 2
check "bad kb file named with line" grep -q "badkb.jsonl:1" "$tmp/kberr"
printf '[\n]\n' >"$tmp/dump.json"
"$bin" kb import-wikidata "$tmp/dump.json" --out "$tmp/wd.jsonl" >/dev/null
check "kb import-wikidata exits 0" test $? -eq 0

"$bin" eval no-such-task x >/dev/null 2>&1
check "unknown eval task exits 2" test $? -eq 2

echo "$passes passed, $fails failed"
test "$fails" -eq 0
