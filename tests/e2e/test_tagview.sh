#!/bin/sh
# The reader's library tools end to end in tmux at 120x40: the unread-only
# filter of the list (u) and what the status line says of it.
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

keys q
wait_exit 0
finish
