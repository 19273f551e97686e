#!/bin/sh
# The reader end to end in tmux: the four panes at 120x40, opening an
# article, scrolling, searching, an entity's mentions, filtering by entity
# and by text, resizing to 60x20 and 30x10 with the reading position kept,
# and quitting with status 0.
. "$(dirname "$0")/lib.sh"

LIB=$(library)
NART=$(find "$LIB" -name '*.txt' -o -name '*.md' | wc -l)

# The reading pane's text on screen row $1 (1-based) at 120 columns, where
# the panes are separated by "│".
reading_row() {
	screen | sed -n "${1}p" | awk -F '│' '{ print $2 }'
}

first_word() {
	echo "$1" | awk '{ print $1 }'
}

start 120 40 "$LIB"
expect "Articles $NART/$NART"
expect "Reading"
expect "Highlights"
expect "Entities"
expect "No article open"
expect "$NART unread"
expect "Huawei races to"
check_width 120

# The text filter over titles and bodies: "910C" is only in one body.
keys /
type_text 910c
keys Enter
expect "Articles 1/$NART"
expect 'filter "910c"'
# A filter that keeps nothing says which key brings them back.
keys /
type_text zzqx no such words
keys Enter
expect "No article matches."
expect "c shows them all again."
keys c
expect "Articles $NART/$NART"
keys /
type_text 910c
keys Enter
expect "Articles 1/$NART"
keys Enter
expect "Reading +1-"
expect "Huawei races to triple AI chip output"
expect "Harbour Tech Review"
# The publisher's highlights, and the entities with the CJK alias.
expect "• Huawei aims to produce"
expect "Highlights [1-9]"
expect "Entities [1-9]"
expect "華為"
expect "$((NART - 1)) unread"
check_width 120

# Scrolling moves the window over the wrapped lines.
before=$(screen | grep -o 'Reading  *[0-9]*-' | head -1)
keys Space
after=$(screen | grep -o 'Reading  *[0-9]*-' | head -1)
[ "$before" != "$after" ] && ok "Space scrolls" || fail "Space did not scroll ($before)"
keys g
expect "Reading +1-"
keys G
expect "Reading +[0-9]+-([0-9]+)/\\1 "
keys g

# The mouse (X10 reports, as TERM=screen sends them): the wheel over the
# reading pane scrolls it, a click in the list selects a row.
t send-keys -l "$(printf '\033[Ma[%%')"
expect "Reading +4-"
t send-keys -l "$(printf '\033[M`[%%')"
expect "Reading +1-"

# Search: case-insensitive, over paragraphs.
keys /
type_text "SEMICONDUCTOR MANUFACTURING INTERNATIONAL"
keys Enter
expect "match 1 of 1"
expect "Semiconductor Manufacturing"
keys /
type_text "semiconductor manufacturing"
keys Enter
expect "match 1 of 2"
keys n
expect "match 2 of 2"
# h keeps the match at the cursor as the reader's own highlight, after
# asking for a note (Enter: none).
keys h
expect "note \\(Enter: none"
keys Enter
expect "highlight kept"
expect "Highlights 4"
expect "» Semiconductor"
# v selects a word, j extends it by a display line, h keeps it.
keys v
expect "visual:"
keys j h Enter
expect "highlight kept"
expect "Highlights 5"
# e in the highlights pane writes a note on the reader's own highlight.
keys Tab
keys e
type_text "checked against filings"
keys Enter
expect "note kept"
expect "✎ checked against"
keys BTab
keys n
expect "match 1 of 2 \\(wrapped\\)"
# An empty search repeats the last one.
keys / Enter
expect "match [12] of 2"
keys /
type_text "華為"
keys Enter
expect "match 1 of"

# The sidebar: find Huawei, mark its mentions, walk them, filter by it.
keys Tab Tab
keys /
type_text huawei
keys Enter
keys Enter
expect "Huawei.*: mention 1 of [0-9]+"
keys n
expect "mention 2 of [0-9]+"
keys N
expect "mention 1 of [0-9]+"
keys f
expect 'entity "Huawei'
expect "Articles [1-9]/$NART"
expect_not "Articles $NART/$NART"
# L focuses the list, c there clears the filter.
keys L c
expect "Articles $NART/$NART"
# e in the list filters by a typed entity name (or a part of one).
keys e
type_text 華為
keys Enter
expect 'entity "華為"'
expect "Articles [1-9]/$NART"
expect_not "Articles $NART/$NART"
keys c
expect "Articles $NART/$NART"
# m marks articles, t tags every marked one, f filters by tag.
keys g m m
expect "2 marked"
keys t
type_text e2e-batch
keys Enter
expect "tagged 2 articles"
keys f
type_text e2e-batch
keys Enter
expect "Articles 2/$NART"
expect 'tags "e2e-batch"'
keys c
expect "Articles $NART/$NART"
keys Tab Tab

# The highlights pane: choosing one scrolls the reading pane to it.
keys G Enter
expect "Reading"
check_width 120

# Resize: the paragraph at the top stays at the top.
keys BTab
expect "Reading"
keys g
keys Space
top=$(reading_row 2)
word=$(first_word "$top")
resize 60 20
check_width 60
expect "Reading"
row2=$(screen | sed -n 2p)
case "$row2" in
*"$word"*) ok "the top line is kept at 60x20" ;;
*) fail "top line was '$top', now '$row2' at 60x20" ;;
esac
resize 30 10
check_width 30
row2=$(screen | sed -n 2p)
case "$row2" in
*"$word"*) ok "the top line is kept at 30x10" ;;
*) fail "top line was '$top', now '$row2' at 30x10" ;;
esac
# Toggling the list on a small terminal, and the zoom.
keys L
expect "Articles"
check_width 30
keys L
resize 15 5
expect "too small"
check_width 15
resize 120 40
expect "Entities"
check_width 120
keys z
expect_not "Entities"
keys z
expect "Entities"

# A click focuses the list and selects the row under the pointer.
t send-keys -l "$(printf '\033[M #%%')"
expect "article 4 of $NART"

# The help overlay lists the keys in force.
keys '?'
expect "Keys in force"
expect "search-next"
keys q
expect_not "Keys in force"

# q closes the article, then quits.
keys q
expect "No article open"
keys q
wait_exit 0

# The read mark was saved in the data folder: a new reader sees it.
start 120 40 "$LIB"
expect "$((NART - 1)) unread"
keys /
type_text 910c
keys Enter Enter
expect "Highlights 5"
[ -s "$XDG_DATA_HOME/inkstone/tags.yaml" ] && ok "state saved" ||
    fail "no tags.yaml in \$XDG_DATA_HOME/inkstone"
# C-c ends the reader with the terminal restored: 128 + SIGINT.
keys C-c
wait_exit 130
finish
