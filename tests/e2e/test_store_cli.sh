#!/bin/sh
# inkstone tag and inkstone highlights: state saved, read back, exported,
# and bad usage or a broken state file handled.
. tests/e2e/lib-cli.sh
# The library is the configuration's; the default, ./articles, is the
# sample library here.
D="$TMP/state"
art=articles/huawei-ascend-capacity.txt

# Tags: added, removed, listed, kept in tags.yaml by relative path.
./inkstone --data-dir "$D" tag "$art" +chips +huawei +policy || fail "tag"
./inkstone tag "$art" -policy --data-dir "$D" || fail "untag"
expect_eq "$(./inkstone --data-dir "$D" tag "$art" | tr '\n' ' ')" "chips huawei " "tags listed"
grep -q '^huawei-ascend-capacity.txt:$' "$D/tags.yaml" || fail "key is not the relative path"
grep -q '^  tags: \[chips, huawei\]$' "$D/tags.yaml" || fail "tags.yaml: $(cat "$D/tags.yaml")"

# The configuration's library is the root keys are relative to.
mkdir -p "$TMP/lib/sub"
cp "$art" "$TMP/lib/sub/copy.txt"
printf 'library: %s\n' "$TMP/lib" >"$TMP/config.yaml"
./inkstone -c "$TMP/config.yaml" --data-dir "$TMP/state2" tag "$TMP/lib/sub/copy.txt" +x ||
	fail "tag with a configured library"
grep -q '^sub/copy.txt:$' "$TMP/state2/tags.yaml" || fail "config library: $(cat "$TMP/state2/tags.yaml")"

# Bad usage is status 2; a missing article is 1.
./inkstone --data-dir "$D" tag 2>/dev/null
expect_eq "$?" 2 "tag without FILE"
./inkstone --data-dir "$D" tag "$art" chips 2>/dev/null
expect_eq "$?" 2 "tag without + or -"
./inkstone --data-dir "$D" tag "$art" "+two words" 2>/dev/null
expect_eq "$?" 2 "tag with a space"
./inkstone --data-dir "$D" tag /nonexistent.txt +x 2>/dev/null
expect_eq "$?" 1 "tag of a missing file"

# tag --rename renames a tag on every article, merging with one of the
# new name, and says how many articles changed.
./inkstone --data-dir "$D" tag articles/nvidia-h20-writedown.txt +chips +semis || fail "tag nvidia"
./inkstone --data-dir "$D" tag articles/deepseek-cost-shock.txt +semis || fail "tag deepseek"
expect_eq "$(./inkstone --data-dir "$D" tag --rename chips semis)" "2 articles changed" "tag --rename"
grep -q '^  tags: \[huawei, semis\]$' "$D/tags.yaml" || fail "rename: $(cat "$D/tags.yaml")"
grep -q 'chips' "$D/tags.yaml" && fail "chips is still in tags.yaml"
expect_eq "$(./inkstone --data-dir "$D" tag articles/nvidia-h20-writedown.txt)" "semis" "merged"
expect_eq "$(./inkstone --data-dir "$D" tag --rename chips x)" "0 articles changed" "rename of an unused tag"
./inkstone --data-dir "$D" tag --rename semis 2>/dev/null
expect_eq "$?" 2 "tag --rename without NEW"
./inkstone --data-dir "$D" tag --rename semis "two words" 2>/dev/null
expect_eq "$?" 2 "tag --rename to a bad tag"
./inkstone --data-dir "$D" tag --rename semis chips >/dev/null || fail "rename back"
./inkstone --data-dir "$D" tag articles/nvidia-h20-writedown.txt -chips || fail "untag nvidia"
./inkstone --data-dir "$D" tag articles/deepseek-cost-shock.txt -chips || fail "untag deepseek"
grep -q '^  tags: \[chips, huawei\]$' "$D/tags.yaml" || fail "rename back: $(cat "$D/tags.yaml")"

# A broken tags.yaml: reported with its position, never written.
cp "$D/tags.yaml" "$TMP/good"
printf 'x.txt:\n  tags: [a, b\n' >"$D/tags.yaml"
./inkstone --data-dir "$D" tag "$art" +more 2>"$TMP/err"
expect_eq "$?" 1 "tag with a broken tags.yaml"
grep -q "tags.yaml:3:1: " "$TMP/err" || fail "no position: $(cat "$TMP/err")"
expect_eq "$(cat "$D/tags.yaml")" "$(printf 'x.txt:\n  tags: [a, b')" "broken file kept"
# A rename that cannot be saved says so and nothing else.
./inkstone --data-dir "$D" tag --rename a c >"$TMP/out" 2>"$TMP/err"
expect_eq "$?" 1 "tag --rename with a broken tags.yaml"
expect_eq "$(cat "$TMP/out")" "" "no success line for a failed rename"
grep -q "^inkstone: .*tags.yaml:3:1: " "$TMP/err" || fail "rename error: $(cat "$TMP/err")"
cp "$TMP/good" "$D/tags.yaml"

# Highlights, as a reader would have left them (one orphaned, one with a
# note holding an escape sequence that must not reach the terminal).
cat >"$D/highlights.yaml" <<'YAML'
huawei-ascend-capacity.txt:
  highlights:
  - quote: "is pushing its suppliers to triple output"
    before: "Huawei Technologies Co (華為) "
    after: " of its Ascend"
    para: 0
    offset: 33
    note: "Compare with \e[31mSMIC\e[0m yields"
    created: 2025-06-01T09:30:00Z
  - quote: a sentence the editors removed
YAML
./inkstone --data-dir "$D" highlights >"$TMP/md" 2>"$TMP/err" || fail "highlights: $(cat "$TMP/err")"
no_controls "$TMP/md" "highlights as Markdown"
grep -q '^## Huawei races to triple AI chip output as US curbs tighten$' "$TMP/md" || fail "no title: $(cat "$TMP/md")"
grep -q '^> is pushing its suppliers to triple output$' "$TMP/md" || fail "no quote"
grep -q 'SMIC' "$TMP/md" || fail "no note"
expect_eq "$(grep -c '^(orphaned' "$TMP/md")" 1 "one orphan"
./inkstone --data-dir "$D" highlights --format yaml "$art" >"$TMP/y" || fail "highlights --format yaml"
no_controls "$TMP/y" "highlights as YAML"
grep -q '^  title: Huawei races' "$TMP/y" || fail "yaml: $(cat "$TMP/y")"
expect_eq "$(grep -c '^    orphaned: true$' "$TMP/y")" 1 "one orphan in yaml"
./inkstone --data-dir "$D" highlights --format xml 2>/dev/null
expect_eq "$?" 2 "unknown format"
pass
