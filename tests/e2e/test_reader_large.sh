#!/bin/sh
# A 5 MB article opens, scrolls, searches and re-wraps on a resize without
# hanging (the waits are generous: this checks that nothing is quadratic,
# the numbers belong to make bench).
. "$(dirname "$0")/lib.sh"

BIG="$E2E_TMP/big/large.md"
mkdir -p "$E2E_TMP/big"
awk 'BEGIN {
	print "---"; print "title: A very long article"; print "source: Bench"
	print "date: 2025-01-01"; print "---"; print ""
	for (i = 0; i < 26000; i++) {
		printf "Paragraph %d: Huawei Technologies Co (華為) ships Ascend ", i
		printf "processors to data centres in Shenzhen, while TSMC "
		printf "(台積電) expands in Arizona and officials weigh new "
		printf "export controls on chips.\n\n"
	}
}' >"$BIG"
size=$(wc -c <"$BIG")
[ "$size" -gt 5000000 ] && ok "article of $size bytes" ||
    fail "the article is only $size bytes"

start 120 40 "$BIG"
expect "Articles 1/1"
keys Enter
expect "Reading +1-" 20
expect "Paragraph 0:"
for i in 1 2 3 4 5 6 7 8 9 10; do
	t send-keys Space
done
expect "Reading +3[0-9][0-9]-" 10
keys G
expect "Paragraph 25999:" 10
keys g
keys /
type_text "paragraph 13000:"
keys Enter
expect "match 1 of 1" 20
expect "Paragraph 13000:"
resize 70 20
expect "Paragraph 13000:" 20
check_width 70
keys q q
wait_exit 0
finish
