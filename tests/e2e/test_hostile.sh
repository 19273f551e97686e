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
	printf 'source: "\\e[31mRed"\n'
	printf 'author: "\\e]8;;http://x\\e\\\\link\\e]8;;\\e\\\\"\n'
	printf 'url: "https://example.com/\\e]0;u\\a"\n'
	printf 'tags: ["\\e[5mblink", "\\u202eevil"]\n'
	printf 'highlights: ["\\e]52;c;eA==\\a publisher point"]\n---\n'
	cat "$ROOT/tests/fixtures/hostile/escapes.txt"
	# Entity names and aliases with escapes in them.
	printf '\nAcme\033[31m Holdings Ltd (華\033]0;x\007為) met Huawei\302\233 Technologies Co in Taipei\342\200\256.\n'
} >"$lib/frontmatter.md"
# A file whose name holds OSC 0 and a C1 CSI.
printf 'Plain headline\n\nA plain body.\n' >"$lib/$(printf 'name\033]0;fn\007\302\2332J.txt')"
# The commands below find the saved highlight through the library.
mkdir -p "$XDG_CONFIG_HOME/inkstone"
printf 'library: %s\n' "$lib" >"$XDG_CONFIG_HOME/inkstone/config.yaml"
raw="$E2E_TMP/bytes"

# check_bytes FILE WHAT: every ESC in FILE starts one of the sequences
# ncurses sends for TERM=screen: CSI (ESC [ params final), charset
# selection ESC ( B / ESC ) 0, keypad modes ESC = / ESC >, cursor
# save/restore ESC 7 / ESC 8, reverse index ESC M.  Anything else (OSC
# ESC ], DCS ESC P, APC ESC _ ...) came from somewhere else.
check_bytes() {
	[ -s "$1" ] || { fail "$2: pipe-pane captured nothing"; return; }
	bad=$(LC_ALL=C perl -0777 -ne '
		s/\e\[[0-9;?>=]*[ -\/]*[@-~]//g;
		s/\e[()][0-9A-Za-z]//g;
		s/\e[=>78M]//g;
		print "ESC\n" if /\e/;
		print "BEL\n" if /\a/;
		print "C1\n" if /\xc2[\x80-\x9f]/;
		print "BIDI\n" if /\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]/;
		print "OSC52\n" if /\e\]52/;
	' "$1")
	[ -z "$bad" ] || fail "$2: bytes a terminal would obey reached it: $(echo $bad)"
	# The pictures were drawn instead.
	grep -q '␛' "$1" || fail "$2: ESC was not drawn as a picture"
}

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

check_bytes "$raw" "the reader"

# Again, keeping a highlight of hostile text (the highlights pane draws
# it), showing the publisher's highlights and the hostile file name.
start 100 30 "$lib"
t pipe-pane -o "cat >>$raw.2"
expect "Title with" 5
keys Enter
expect "clipboard" 5
keys / B o d y Enter
keys v j h
expect "note .Enter: none" 5
keys Enter
expect "highlight kept" 5
keys q j Enter
expect "publisher point" 5
keys q j Enter
expect "A plain body" 5
keys q q
wait_exit 0
t pipe-pane
sleep 0.3
check_bytes "$raw.2" "the reader with a highlight"

# The commands whose output goes to pipes hold no control bytes but the
# TSV tab and the line feed.
no_controls() {
	for f in out err; do
		if LC_ALL=C grep -q -P '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$E2E_TMP/$f"; then
			fail "$1: control bytes on std$f"
		fi
	done
}
$INKSTONE highlights | grep -q 'Body line with CSI' ||
    fail "the highlight kept in the reader is not in highlights' output"
$INKSTONE list | grep -q 'name.*fn' ||
    fail "the file with a hostile name is not listed"
$INKSTONE tag "$lib/frontmatter.md" +plain >/dev/null ||
    fail "inkstone tag +plain failed"
for cmd in "list $lib" "list --format yaml $lib" \
    "entities $lib/frontmatter.md" "entities --format yaml $lib/frontmatter.md" \
    "entities $lib" "entities --format yaml $lib" "dump $lib/frontmatter.md" \
    "dump $lib/escapes.txt" "highlights" "highlights --format yaml" \
    "highlights $lib/escapes.txt" "tag $lib/frontmatter.md"; do
	$INKSTONE $cmd >"$E2E_TMP/out" 2>"$E2E_TMP/err" ||
	    fail "inkstone $cmd: exit status $?"
	[ -s "$E2E_TMP/out" ] || fail "inkstone $cmd: printed nothing"
	no_controls "inkstone $cmd"
	# What was hostile is there, drawn as pictures.
	case $cmd in
	tag*) ;;
	*) grep -q '␛' "$E2E_TMP/out" ||
	    fail "inkstone $cmd: no ESC picture in its output" ;;
	esac
done
# A tag with an escape in it is refused, with a clean message.
if $INKSTONE tag "$lib/frontmatter.md" "+$(printf 'x\033]0;t\007')" \
    >"$E2E_TMP/out" 2>"$E2E_TMP/err"; then
	fail "a tag holding OSC 0 was accepted"
fi
[ -s "$E2E_TMP/err" ] || fail "a refused tag got no message"
no_controls "inkstone tag +OSC"
finish
