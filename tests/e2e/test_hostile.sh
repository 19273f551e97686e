#!/bin/sh
# Article text never drives the terminal: every byte the reader sends to
# tmux is captured with pipe-pane, and the only escape sequences in it must
# be ncurses' own (CSI, charset selection, keypad and cursor save modes).
# The article holds OSC 0/52, CSI, a C1 CSI, BEL, backspaces, a CR
# overwrite and bidi controls.
. "$(dirname "$0")/lib.sh"

lib="$E2E_TMP/hostile"
mkdir -p "$lib"
cp "$ROOT/tests/fixtures/hostile/escapes.txt" "$lib/"
# The same bytes as the title of a second article and inside front matter.
{
	printf -- '---\ntitle: "Evil \\e]0;pwned\\a \\e]52;c;eA==\\a \\u009b2J \\u202egnp.exe"\n'
	printf 'source: "\\e[31mRed"\n---\n'
	cat "$ROOT/tests/fixtures/hostile/escapes.txt"
} >"$lib/frontmatter.md"
raw="$E2E_TMP/bytes"

start 100 30 "$lib"
t pipe-pane -o "cat >>$raw"
expect "Title with" 5
keys Enter
expect "clipboard" 5
keys j j j Tab Tab Tab G
keys Tab j Enter
keys / c l i p Enter
keys n q
keys j Enter
expect "Evil" 5
keys q q
wait_exit 0
t pipe-pane
sleep 0.3

[ -s "$raw" ] || fail "pipe-pane captured nothing"
# Every ESC starts one of the sequences ncurses sends for TERM=screen:
# CSI (ESC [ params final), charset selection ESC ( B / ESC ) 0, keypad
# modes ESC = / ESC >, cursor save/restore ESC 7 / ESC 8, reverse index
# ESC M.  Anything else (OSC ESC ], DCS ESC P, APC ESC _ ...) came from
# somewhere else.
bad=$(LC_ALL=C perl -0777 -ne '
	s/\e\[[0-9;?>=]*[ -\/]*[@-~]//g;
	s/\e[()][0-9A-Za-z]//g;
	s/\e[=>78M]//g;
	print "ESC\n" if /\e/;
	print "BEL\n" if /\a/;
	print "C1\n" if /\xc2[\x80-\x9f]/;
	print "BIDI\n" if /\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]/;
	print "OSC52\n" if /\e\]52/;
' "$raw")
[ -z "$bad" ] || fail "bytes a terminal would obey reached it: $(echo $bad)"
# The commands whose output goes to pipes hold no control bytes but the
# TSV tab and the line feed.
for cmd in "list $lib" "entities $lib/escapes.txt" "entities $lib" \
    "dump $lib/frontmatter.md" "highlights"; do
	$INKSTONE $cmd >"$E2E_TMP/out" 2>"$E2E_TMP/err"
	for f in out err; do
		if LC_ALL=C grep -q -P '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$E2E_TMP/$f"; then
			fail "inkstone $cmd: control bytes on std$f"
		fi
	done
done
# The pictures were drawn instead.
grep -q '␛' "$raw" || fail "ESC was not drawn as a picture"
finish
