#!/bin/sh
# The reader's library tools end to end in tmux at 120x40: the unread-only
# filter of the list (u) and what the status line says of it; the note h
# asks for before it keeps a highlight.
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

keys q
wait_exit 0
finish
