#!/bin/sh
# The entity keys end to end: v selects words and E makes them an entity of
# a type; in the sidebar i ignores an entity, m marks one and a merges it
# into another as aliases.  Each change is in entities.yaml at once and in
# `inkstone entities` and `list --entity` over the whole folder; a broken
# entities.yaml is reported and left alone.
. "$(dirname "$0")/lib.sh"

LIB="$E2E_TMP/lib"
USER_FILE="$XDG_DATA_HOME/inkstone/entities.yaml"
mkdir -p "$LIB"
cat >"$LIB/moon.md" <<'EOF'
---
title: A new chip maker in Hsinchu
source: Harbour Tech Review
date: 2025-06-02
---
Moonrake shipped its first chips this week.

Lin Wei-ting, the chief executive, said the plant in Hsinchu would double its output next year. Wei-ting Lin (林薇婷) said demand from Japan was strong.

The company is backed by Harbour Capital, which put in NT$2 billion.
EOF
cat >"$LIB/other.md" <<'EOF'
---
title: Suppliers line up
source: Harbour Tech Review
date: 2025-06-03
---
Suppliers to Moonrake rose on Tuesday. Analysts in Taipei said Wei-ting Lin had won the trust of buyers in Japan.
EOF

# The sidebar's column at 120 columns: what follows the last "│".
sidebar() {
	screen | awk -F '│' 'NF > 1 { print $NF }'
}

side_expect() {
	i=0
	while [ $i -lt $((50 * E2E_SLOW)) ]; do
		sidebar | grep -Eq -- "$1" && { ok "sidebar shows /$1/"; return; }
		sleep 0.1
		i=$((i + 1))
	done
	fail "sidebar does not show /$1/"
	screen | sed 's/^/    | /' >&2
}

side_expect_not() {
	sleep 0.3
	if sidebar | grep -Eq -- "$1"; then
		fail "sidebar shows /$1/"
		screen | sed 's/^/    | /' >&2
	else
		ok "sidebar does not show /$1/"
	fi
}

# wait_gone PATTERN: waits for the screen to stop showing PATTERN.  After
# Escape it must: an Escape still unread when the next key comes is Meta.
wait_gone() {
	i=0
	while screen | grep -Eq -- "$1" && [ $i -lt $((50 * E2E_SLOW)) ]; do
		sleep 0.1
		i=$((i + 1))
	done
	expect_not "$1"
}

# Before: the rules alone do not take Moonrake (one word, starting a
# sentence) for a name, and Japan is listed.
before=$("$INKSTONE" entities "$LIB")
echo "$before" | grep -q "Moonrake" && fail "Moonrake is an entity already"
echo "$before" | grep -q "^PLACE	Japan	" || fail "Japan is not listed: $before"

start 120 40 "$LIB"
expect "Articles 2/2"
# Open the Hsinchu article through the text filter.
keys /
type_text "plant in"
keys Enter
expect "Articles 1/2"
keys Enter
expect "A new chip maker in Hsinchu"
side_expect "Lin Wei-ting"

# E without a selection says what to do.
keys E
expect "select the words with v first"

# Without one, E takes the search match at the cursor, as h does.
keys /
type_text "harbour capital"
keys Enter
expect "match 1 of 1"
keys E
expect "new entity \\(C-w drops a word\\): Harbour Capital *$"
keys Escape
wait_gone "C-w drops"
keys g

# v selects the first word of the body, w two more; E offers them as the
# name, C-w cuts it down to the first word, and the type is chosen by its
# first letter and Tab.
keys v
expect "visual:"
keys w w
expect 'selected "Moonrake shipped its"'
keys E
expect "new entity \\(C-w drops a word\\): Moonrake shipped its *$"
keys C-w C-w
expect "new entity \\(C-w drops a word\\): Moonrake *$"
keys Enter
expect "Moonrake is PERSON ORG PLACE MONEY PERCENT DATE\\? \\(Tab completes\\): *$"
type_text "o"
keys Tab
expect "\\(Tab completes\\): ORG"
keys Enter
expect "Moonrake is ORG now"
side_expect "^ ORG"
side_expect "^  Moonrake +1"
grep -q "name: Moonrake" "$USER_FILE" || fail "entities.yaml lacks Moonrake"

# Escape at the type prompt cancels: nothing is written.
cp "$USER_FILE" "$E2E_TMP/saved.yaml"
keys v E Enter
expect "\\(Tab completes\\): *$"
keys Escape
wait_gone "Tab completes"
cmp -s "$USER_FILE" "$E2E_TMP/saved.yaml" || fail "a cancelled add wrote entities.yaml"

# A name stands in one paragraph: a selection over two is refused.
keys v
expect "visual:"
keys '}' '}'
expect 'selected "Moonrake.*Japan was strong."'
keys E
expect "stands in one paragraph"
keys Escape
sleep 0.3

# The sidebar: i ignores Japan.
keys Tab Tab
keys /
type_text Japan
keys Enter
keys i
expect "Japan is ignored now"
side_expect_not "Japan"
side_expect "Hsinchu"

# m marks, Escape clears the mark.
keys /
type_text "Wei-ting Lin"
keys Enter
keys m
expect "Wei-ting Lin marked"
side_expect "^\\* Wei-ting Lin"
keys Escape
expect "mark cleared"
side_expect_not "^\\*"
# a without a mark says so.
keys a
expect "mark the entity to merge with m first"

# m then a: Wei-ting Lin (and her CJK name) become Lin Wei-ting's aliases,
# on one line of the sidebar, her mentions counted with his.
keys /
type_text "Wei-ting Lin"
keys Enter
keys m
side_expect "^\\* Wei-ting Lin"
keys /
type_text "Lin Wei-ting"
keys Enter
keys a
expect "Wei-ting Lin merged into Lin Wei-ting"
side_expect "^  Lin Wei-ting 林薇婷 +[0-9]+"
side_expect_not "Wei-ting Lin"
side_expect_not "^\\*"

# The keys are in the help overlay.
keys ?
expect "entity-merge"
expect "entity-mark"
keys q
keys BTab BTab
keys ?
expect "entity-add"
keys q

# On disk: sorted, whole, through the emitter.
cat >"$E2E_TMP/want.yaml" <<'EOF'
entities:
- name: Lin Wei-ting
  type: PERSON
  aliases:
  - Wei-ting Lin
  - 林薇婷
- name: Moonrake
  type: ORG
ignore:
- Japan
EOF
if cmp -s "$USER_FILE" "$E2E_TMP/want.yaml"; then
	ok "entities.yaml as expected"
else
	fail "entities.yaml differs:"
	diff "$E2E_TMP/want.yaml" "$USER_FILE" | sed 's/^/    | /' >&2
fi
"$INKSTONE" check "$USER_FILE" >/dev/null 2>&1 || fail "check refuses entities.yaml"
keys q q
wait_exit 0

# The whole folder sees it: both articles name Moonrake and Lin Wei-ting
# (the other article only as Wei-ting Lin), Japan is gone from both.
after=$("$INKSTONE" entities "$LIB")
echo "$after" | grep -q "^ORG	Moonrake		2$" || fail "entities: no Moonrake in 2 articles: $after"
echo "$after" | grep -q "^PERSON	Lin Wei-ting	.*林薇婷.*	2$" || fail "entities: no merged Lin Wei-ting in 2 articles: $after"
echo "$after" | grep -q "^PERSON	Wei-ting Lin" && fail "entities: Wei-ting Lin still apart: $after"
echo "$after" | grep -q "Japan" && fail "entities: Japan still listed: $after"
n=$("$INKSTONE" list --entity Moonrake "$LIB" | wc -l)
[ "$n" -eq 2 ] && ok "list --entity Moonrake: 2" || fail "list --entity Moonrake: $n articles"
n=$("$INKSTONE" list --entity "林薇婷" "$LIB" | wc -l)
[ "$n" -eq 2 ] && ok "list --entity 林薇婷: 2" || fail "list --entity 林薇婷: $n articles"

# A broken entities.yaml: the reader says where, and writes nothing.
printf 'entities:\n  - {name: A, type: ORG\n' >"$USER_FILE"
cp "$USER_FILE" "$E2E_TMP/broken.yaml"
start 120 40 "$LIB"
expect "Articles 2/2"
keys Enter
expect "Entities"
keys Tab Tab
keys i
expect "entities.yaml:[0-9]+:[0-9]+: did not find"
cmp -s "$USER_FILE" "$E2E_TMP/broken.yaml" || fail "the broken entities.yaml was written over"
keys q q
wait_exit 0

finish
