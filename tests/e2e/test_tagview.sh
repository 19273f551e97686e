#!/bin/sh
# The reader's library tools end to end in tmux at 120x40: the unread-only
# filter of the list (u) and what the status line says of it; the note h
# asks for before it keeps a highlight; the tag view (T) with its counts,
# filtering by a tag from it and renaming a tag (R); visual mode by word,
# sentence and paragraph, kept as highlights with a note.
. "$(dirname "$0")/lib.sh"

LIB=$(library)
NART=$(find "$LIB" -name '*.txt' -o -name '*.md' | wc -l)

start 120 40 "$LIB"
expect "Articles $NART/$NART"
expect "$NART unread"
expect "Hong Kong opens"

# Opening the newest article marks it read; u then keeps the unread ones only.
keys Enter
expect "$((NART - 1)) unread"
keys q
expect "No article open"
keys u
expect "Articles $((NART - 1))/$NART .*filtered"
expect "unread only"
expect_not "Hong Kong opens"
# u again shows every article; c clears the unread filter too.
keys u
expect "Articles $NART/$NART"
expect_not "unread only"
keys u
expect "unread only"
keys c
expect "Articles $NART/$NART"
expect_not "unread only"

# h asks for a note: Escape keeps nothing, Enter keeps the note typed.
keys g Enter
expect "Hong Kong opens stablecoin licensing"
expect "Reading +1-"
keys /
type_text "offshore yuan"
keys Enter
expect "match 1 of"
keys h
expect "note \\(Enter: none, Escape: do not keep\\)"
keys Escape
expect "highlight not kept"
expect_not "» "
[ -e "$XDG_DATA_HOME/inkstone/highlights.yaml" ] &&
    grep -q quote "$XDG_DATA_HOME/inkstone/highlights.yaml" &&
    fail "Escape kept a highlight" || ok "Escape keeps nothing"
keys h
type_text "licensing regime"
keys Enter
expect "highlight kept with its note"
expect "✎ licensing regime"
grep -q "note: licensing regime" "$XDG_DATA_HOME/inkstone/highlights.yaml" &&
    ok "the note is saved" || fail "highlights.yaml lacks the note"
keys q

# Two articles tagged chips, one of them memory too.
keys g j t
type_text "chips memory"
keys Enter
expect "tagged Samsung bets"
keys j j j t
type_text "+chips"
keys Enter
expect "tagged Huawei races"

# T lists every tag, the articles' own (front matter) and the reader's,
# with the articles carrying each, and the untagged ones.
keys T
expect "Tags 18 .*│"
expect " chips +2"
expect " memory +1"
expect " taiwan +2"
expect "\\(untagged\\) +3"
check_width 120
# Enter filters the list by the chosen tag and goes back to it.
keys g j j j Enter
expect "Articles 2/$NART .*filtered"
expect 'tag "chips"'
expect "Samsung bets on"
expect "Huawei races to"
expect_not "Tags 18"

# R renames the tag on every article: merged where memory was already.
keys T
expect "Tags 18"
# ? lists the tag view's keys.
keys '?'
expect "tag view \\(T\\):"
expect "R +rename-tag"
keys q
expect "Tags 18"
keys R
expect "rename tag chips to:"
type_text memory
keys Enter
expect "renamed chips to memory on 2 articles"
expect "Tags 17"
expect " memory +2"
expect_not " chips +[0-9]"
T="$XDG_DATA_HOME/inkstone/tags.yaml"
grep -q chips "$T" && fail "tags.yaml still holds chips: $(cat "$T")" || ok "chips is gone"
[ "$(grep -c '^  tags: \[memory\]$' "$T")" = 2 ] && ok "both articles hold memory" ||
    fail "tags.yaml: $(cat "$T")"
# The filter follows the new name; Escape closes the view.
keys Escape
expect 'tag "memory"'
expect "Articles 2/$NART"
expect "Huawei races to"
keys c
expect "Articles $NART/$NART"
# On a small terminal the view stays inside the pane.
keys T
resize 30 10
expect "Tags"
check_width 30
resize 120 40
keys q
expect "Articles $NART/$NART"

# Visual mode: v takes the first word of the first body line on screen;
# w and b grow and shrink it by a word, ) and ( by a sentence.
H="$XDG_DATA_HOME/inkstone/highlights.yaml"
keys g Enter
expect "Hong Kong opens stablecoin licensing"
# ? in the reading pane lists what v adds, under its own heading.
keys '?' Space
expect "while selecting \\(v\\)"
expect "\\) +sentence-forward"
expect "o +other-end"
keys q
keys v
expect "visual: w b"
keys w
expect 'selected "Hong Kong.s"'
keys w
expect 'selected "Hong Kong.s stablecoin"'
keys b
expect 'selected "Hong Kong.s"'
# (Long selections show their first and last 18 characters.)
keys ')'
expect 'selected "Hong Kong.s stable…o fiat currencies."'
keys ')'
expect 'selected "Hong Kong.s stable…n the first round."'
keys '('
expect 'selected "Hong Kong.s stable…o fiat currencies."'
# j and k go by display lines, ) back to the sentence's end.
keys j
expect 'selected "Hong Kong.s stable…were quick to cool"'
keys k
expect 'selected "Hong Kong.s stable…ens pegged to fiat"'
keys ')'
expect 'selected "Hong Kong.s stable…o fiat currencies."'
# h keeps the sentence with a note.
keys h
expect "note \\(Enter: none"
type_text "first sentence"
keys Enter
expect "highlight kept with its note"
expect "» Hong Kong's stablecoin"
expect "✎ first sentence"
grep -q "quote: Hong Kong's stablecoin law took effect on Friday, making the city one of the first financial centres with a licensing regime for tokens pegged to fiat currencies.\$" "$H" &&
    ok "the sentence is kept" || fail "highlights.yaml: $(cat "$H")"
grep -q "note: first sentence" "$H" && ok "with its note" || fail "no note: $(cat "$H")"
# } goes to the paragraph's end and on into the next; { comes back a
# paragraph; o makes the start move.  Two paragraphs: two highlights.
keys v '}'
expect 'selected "Hong Kong.s stable…n the first round."'
keys '}'
expect 'selected "Hong Kong.s stable…s early next year."'
keys '{'
expect 'selected "Hong Kong.s stable…n the first round."'
keys '}' o w
expect 'selected "Kong.s stablecoin …s early next year." \(its start moves\)'
keys h Enter
expect "2 highlights kept, one a paragraph"
grep -c "quote:" "$H" | grep -qx 4 && ok "four highlights" || fail "highlights.yaml: $(cat "$H")"
grep -q "quote: Kong's stablecoin law took effect" "$H" && ok "from the second word" ||
    fail "highlights.yaml: $(cat "$H")"
grep -q "quote: The Hong Kong Monetary Authority (HKMA, 香港金融管理局) said" "$H" &&
    ok "and the next paragraph" || fail "highlights.yaml: $(cat "$H")"
# Escape in the note drops the highlight and keeps the selection.
keys v w h Escape
expect "highlight not kept"
keys w
expect 'selected "Hong Kong.s stablecoin"'
keys Escape
expect_not "selected"
grep -c "quote:" "$H" | grep -qx 4 && ok "Escape kept nothing" || fail "highlights.yaml: $(cat "$H")"
keys q

# CJK: a word is an ideograph, a sentence ends at 。 with no space after.
keys g j j Enter
expect "台灣AI伺服器出口創新高"
keys v w
expect 'selected "財政"'
keys ')'
expect 'selected "財政部（Ministry of Fi…逾七成，成為帶動整體成長的主要動力。"'
keys ')'
expect 'selected "財政部（Ministry of Fi…，對AI伺服器的需求遠高於市場預期。"'
keys '('
expect 'selected "財政部（Ministry of Fi…逾七成，成為帶動整體成長的主要動力。"'
check_width 120
keys h Enter
expect "highlight kept"
grep -q "quote: 財政部（Ministry of Finance）公布最新統計" "$H" && ok "CJK kept" ||
    fail "highlights.yaml: $(cat "$H")"
keys q

keys q
wait_exit 0

# An empty library at 40x12: the view has its untagged row only.
mkdir -p "$E2E_TMP/empty"
start 40 12 "$E2E_TMP/empty"
expect "No articles in"
keys T
expect "Tags 0"
expect "\\(untagged\\) +0"
check_width 40
keys Enter
expect 'tags "un'
keys q
wait_exit 0
# Front-matter tags are not held to the reader's rules: a tag with a space,
# one named "untagged".  A hand-edited tags.yaml may hold a control
# character (here in two articles' tags).  Each is one row with its count,
# and Enter filters by that very tag.
F="$E2E_TMP/fm"
mkdir -p "$F"
art() {
	printf -- '---\ntitle: %s\ndate: 2025-0%s-01\n%s\n---\n\nBody of %s.\n' \
	    "$2" "$3" "$4" "$2" >"$F/$1.md"
}
art a "Alpha piece" 1 'tags: [machine learning]'
art b "Beta piece" 2 'tags: [machine, learning]'
art c "Gamma piece" 3 'tags: [untagged]'
art d "Delta piece" 4 ''
art e "Epsilon piece" 5 ''
art f "Zeta piece" 6 ''
start 120 40 "$F"
expect "Articles 6/6"
keys g t
type_text "+oddtag"
keys Enter
expect "tagged Zeta piece"
keys j t
type_text "+oddtag"
keys Enter
expect "tagged Epsilon piece"
keys q
wait_exit 0
sed 's/oddtag/"odd\\x01tag"/' "$T" >"$T.new" && mv "$T.new" "$T"
[ "$(grep -c 'odd.x01tag' "$T")" = 2 ] && ok "tags.yaml hand-edited" ||
    fail "tags.yaml: $(cat "$T")"
start 120 40 "$F"
expect "Articles 6/6"
keys T
expect "Tags 5 "
expect " machine learning +1"
expect " machine +1"
expect " untagged +1"
expect "\\(untagged\\) +1"
expect " odd.tag +2"
[ "$(screen | grep -c ' odd.tag ')" = 1 ] && ok "one row for odd tag" ||
    fail "odd tag rows: $(screen | grep ' odd.tag ')"
keys g j j Enter
expect "Articles 1/6 .*filtered"
expect 'tag "machine learning"'
expect "Alpha piece"
expect_not "Beta piece"
keys T
expect " machine learning +1"
keys g j j j Enter
expect "Articles 2/6 .*filtered"
expect 'tag "odd.tag"'
expect "Epsilon piece"
expect "Zeta piece"
keys T g j j j j Enter
expect "Articles 1/6 .*filtered"
expect 'tag "untagged"'
expect "Gamma piece"
expect_not "Delta piece"
keys T G Enter
expect "Articles 1/6 .*filtered"
expect "Delta piece"
expect_not "Gamma piece"
keys q
wait_exit 0
finish
