#!/bin/sh
# inkstone list: TSV rows, tag and entity filters, unread, config errors.
. tests/e2e/lib-cli.sh

n=$(./inkstone list articles | wc -l)
expect_eq "$n" "$(ls articles/*.txt articles/*.md | wc -l)" "one row per article"
# Five tab-separated fields on every row, newest first by default.
./inkstone list articles | awk -F'\t' 'NF != 5 { exit 1 }' || fail "not 5 fields"
first=$(./inkstone list articles | head -1 | cut -f2)
last=$(./inkstone list articles | tail -1 | cut -f2)
[ "$first" \> "$last" ] || fail "not newest first: $first then $last"

# Tags from the command line and from front matter filter alike.
./inkstone tag articles/samsung-hbm-nvidia.txt +memory +korea || fail "tag"
row=$(./inkstone list --tag memory articles)
expect_eq "$(printf '%s\n' "$row" | cut -f1)" articles/samsung-hbm-nvidia.txt "--tag memory"
expect_eq "$(printf '%s\n' "$row" | cut -f5)" korea,memory "tags column"
expect_eq "$(./inkstone list --tag '+taiwan -trade' articles | wc -l)" 1 "+taiwan -trade"
expect_eq "$(./inkstone list --tag taiwan --tag semiconductors articles | wc -l)" 1 "two --tag"
untagged=$(./inkstone list --tag untagged articles | cut -f5 | sort -u)
expect_eq "$untagged" "" "untagged rows have no tags"

# An entity by its English name or its CJK alias.
./inkstone list --entity 台積電 articles | cut -f1 | grep -q tsmc-arizona ||
	fail "--entity 台積電 misses the TSMC article"
./inkstone list --entity huawei articles | cut -f1 | grep -q huawei-ascend ||
	fail "--entity huawei misses the Huawei article"

# Search over titles and bodies: Latin case-folded, CJK exact.
expect_eq "$(./inkstone list --search 'hbm4' articles | cut -f1)" \
	articles/samsung-hbm-nvidia.txt "--search hbm4"
./inkstone list --search '千歳' articles | cut -f1 | grep -q rapidus ||
	fail "--search 千歳"
expect_eq "$(./inkstone list --search 'no such words anywhere' articles | wc -l)" 0 \
	"--search with no match"

# Unread: none read yet; reading marks come from the store.
expect_eq "$(./inkstone list --unread articles | wc -l)" "$n" "--unread"

# YAML: one mapping a row under "articles", dates quoted.
./inkstone list --format yaml articles >"$TMP/list.yaml" || fail "--format yaml"
expect_eq "$(head -1 "$TMP/list.yaml")" "articles:" "yaml top key"
expect_eq "$(grep -c '^- path: ' "$TMP/list.yaml")" "$n" "yaml rows"
grep -q '^  date: "2025-' "$TMP/list.yaml" || fail "yaml dates not quoted"

# Bad usage and a broken configuration are status 2, with the position.
./inkstone list --format xml articles 2>/dev/null
expect_eq "$?" 2 "--format xml"
printf 'sort:\n  by: colour\n' >"$TMP/bad.yaml"
./inkstone -c "$TMP/bad.yaml" list articles 2>"$TMP/err" >/dev/null
expect_eq "$?" 2 "broken config"
grep -q "bad.yaml:2:7: " "$TMP/err" || fail "no position: $(cat "$TMP/err")"
pass
