#!/bin/sh
# inkstone entities: TSV and YAML of one article and of a folder, the
# user's entities.yaml, errors and exit status, no escapes printed.
. tests/e2e/lib-cli.sh
F=tests/fixtures/entities

# One article: four columns, the CJK alias linked, sorted by type.
./inkstone entities $F/tsmc-arizona.txt >"$TMP/out" 2>"$TMP/err"
expect_eq "$?" 0 "entities of one article"
awk -F '\t' 'NF != 4 { exit 1 }' "$TMP/out" || fail "a line without 4 columns"
grep -q "$(printf 'ORG\tTaiwan Semiconductor Manufacturing Co\t')" "$TMP/out" ||
	fail "TSMC missing: $(cat "$TMP/out")"
grep "^PERSON	C.C. Wei	" "$TMP/out" | grep -q '魏哲家' ||
	fail "C.C. Wei not linked to 魏哲家"
cut -f1 "$TMP/out" | uniq | tr '\n' ' ' | grep -q '^PERSON ORG PLACE MONEY PERCENT $' ||
	fail "types out of order: $(cut -f1 "$TMP/out" | uniq | tr '\n' ' ')"

# YAML: parses back as a list of entities with the same names.
./inkstone entities --format yaml $F/zh-tw-chips.txt >"$TMP/y" ||
	fail "entities --format yaml"
grep -q '^- name: Taiwan Semiconductor Manufacturing Co$' "$TMP/y" ||
	fail "yaml: $(head -5 "$TMP/y")"
grep -q 'aliases: \[台積電\]' "$TMP/y" || fail "yaml aliases"

# A folder: the fourth column counts articles.
./inkstone entities $F >"$TMP/lib" || fail "entities of a folder"
n=$(awk -F '\t' '$2 == "Taiwan Semiconductor Manufacturing Co" { print $4 }' "$TMP/lib")
[ "$n" -ge 4 ] || fail "TSMC in $n articles, want at least 4"

# The user's file adds an entity and ignores another.
mkdir -p "$TMP/d"
cat >"$TMP/d/entities.yaml" <<'YAML'
entities:
  - {name: Orion Bank, type: ORG, aliases: [Morgan Stanley]}
ignore: [Bloomberg]
YAML
./inkstone --data-dir "$TMP/d" entities $F/tsmc-arizona.txt >"$TMP/u" ||
	fail "entities with a user file"
grep -q "^ORG	Orion Bank	Morgan Stanley	1$" "$TMP/u" || fail "user alias: $(grep Orion "$TMP/u")"
grep -q Bloomberg "$TMP/u" && fail "ignored name printed"

# A broken user file: file:line:col on stderr, status 2.
printf 'entities:\n  - {name: X, type: THING}\n' >"$TMP/d/entities.yaml"
./inkstone entities --data-dir "$TMP/d" $F/tsmc-arizona.txt >/dev/null 2>"$TMP/e"
expect_eq "$?" 2 "broken entities.yaml"
grep -q "^$TMP/d/entities.yaml:2:[0-9]*: type must be" "$TMP/e" ||
	fail "message: $(cat "$TMP/e")"

# Usage and missing files.
./inkstone entities 2>/dev/null
expect_eq "$?" 2 "no path"
./inkstone entities --format csv $F/tsmc-arizona.txt 2>/dev/null
expect_eq "$?" 2 "bad format"
./inkstone entities /nonexistent/a.txt 2>"$TMP/e"
expect_eq "$?" 1 "missing file"
grep -q '^inkstone: /nonexistent/a.txt: ' "$TMP/e" || fail "missing-file message"

# Hostile text never drives the terminal.
./inkstone entities tests/fixtures/hostile >"$TMP/h" 2>"$TMP/herr"
tr '\t' ' ' <"$TMP/h" >"$TMP/h2"
no_controls "$TMP/h2" "entities of hostile articles"
no_controls "$TMP/herr" "messages about hostile articles"
pass
