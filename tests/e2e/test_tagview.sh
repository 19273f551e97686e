#!/bin/sh
# The reader's library tools end to end in tmux at 120x40: the unread-only
# filter of the list (u) and what the status line says of it; the note h
# asks for before it keeps a highlight; the tag view (T) with its counts,
# filtering by a tag from it and renaming a tag (R).
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
expect 'tags "chips"'
expect "Samsung bets on"
expect "Huawei races to"
expect_not "Tags 18"

# R renames the tag on every article: merged where memory was already.
keys T
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
expect 'tags "memory"'
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

keys q
wait_exit 0
finish
