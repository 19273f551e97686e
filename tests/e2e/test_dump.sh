#!/bin/sh
# inkstone dump: widths, errors and exit status, and no escape ever printed.
. tests/e2e/lib-cli.sh

# Every sample article at several widths: no line wider than asked.
for w in 1 2 7 40 80 133; do
	out=$(./inkstone dump --width $w articles/*.txt articles/*.md 2>/dev/null) ||
		fail "dump --width $w failed"
	max=$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 wc -L)
	# A wide character alone on a line is two columns at width 1.
	[ "$max" -le "$w" ] || { [ "$w" -eq 1 ] && [ "$max" -le 2 ]; } ||
		fail "dump --width $w: a line of $max columns"
done

# The title, the metadata and the body come out, in that order.
out=$(./inkstone dump --width 80 articles/huawei-ascend-capacity.txt)
first=$(printf '%s\n' "$out" | head -1)
expect_eq "$first" "Huawei races to triple AI chip output as US curbs tighten" "title line"
printf '%s\n' "$out" | sed -n 2p | grep -q '2025-05-27' || fail "meta line has no date"
printf '%s\n' "$out" | grep -q 'Huawei Technologies Co (華為)' || fail "body missing"

# A missing file: message on stderr, the others still printed, status 1.
./inkstone dump --width 60 /nonexistent/a.txt articles/korea-ai-basic-act.md \
	>"$TMP/out" 2>"$TMP/err"
expect_eq "$?" 1 "exit status with a missing file"
grep -q '^inkstone: /nonexistent/a.txt: No such file or directory$' "$TMP/err" ||
	fail "no message for the missing file: $(cat "$TMP/err")"
grep -q "Korea" "$TMP/out" || fail "the readable file was not printed"

# Bad usage is status 2.
./inkstone dump --width 0 articles/korea-ai-basic-act.md 2>/dev/null
expect_eq "$?" 2 "--width 0"
./inkstone dump 2>/dev/null
expect_eq "$?" 2 "no file"

# Hostile text: no ESC, BEL, BS, CR, C1 or bidi control reaches stdout.
./inkstone dump --width 50 tests/fixtures/hostile/escapes.txt >"$TMP/h" 2>"$TMP/herr"
expect_eq "$?" 0 "dump of a hostile article"
no_controls "$TMP/h" "dump of a hostile article"
no_controls "$TMP/herr" "dump's messages about a hostile article"
grep -q '␛\]52;c;' "$TMP/h" || fail "ESC not shown as a picture"
pass
