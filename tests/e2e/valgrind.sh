#!/bin/sh
# The reader and the commands under valgrind (memcheck, full leak check):
# the reader in tmux opens the URL of each article (O), opens an article,
# scrolls, searches, goes through the panes with Tab, tags, keeps a
# highlight, is resized and quits; then dump, list, entities, tag,
# highlights and check run on the sample articles.  Any error or
# definite/possible leak fails.  Slow: `make valgrind` runs it, `make
# test` does not.  Suppressions, each with its reason, are in
# tests/e2e/valgrind.supp.
. "$(dirname "$0")/lib.sh"

if ! command -v valgrind >/dev/null 2>&1; then
	echo "$NAME: valgrind is not installed: skipped" >&2
	exit 0
fi
BIN=$INKSTONE
if nm "$BIN" 2>/dev/null | grep -q __asan_init; then
	echo "$NAME: $BIN is a sanitizer build; valgrind needs a plain one" >&2
	exit 1
fi
VG="valgrind --error-exitcode=99 --leak-check=full \
--errors-for-leak-kinds=definite,possible --track-fds=no \
--suppressions=$ROOT/tests/e2e/valgrind.supp"
LIB=$(library)

# The reader, with valgrind's log in a file of its own.  O on every
# article of the list runs a stand-in browser for those with a url.
printf '#!/bin/sh\nprintf "%%s\\n" "$1" >>"%s/opened"\n' "$E2E_TMP" >"$E2E_TMP/browser"
chmod +x "$E2E_TMP/browser"
export BROWSER="$E2E_TMP/browser"
INKSTONE="$VG --log-file=$E2E_TMP/vg-reader.log $BIN"
start 120 40 "$LIB"
expect "Articles 10/10" 60
for i in 1 2 3 4 5 6 7 8 9 10; do
	keys O
	keys j
done
keys g
keys j Enter
expect "Reading +1-" 30
keys Space Space G g
keys /
type_text "chip"
keys Enter
keys n n N
keys h Enter
keys t
type_text "+valgrind"
keys Enter
expect "tagged" 30
for i in 1 2 3 4; do
	keys Tab
	keys j k G g
done
keys z
keys z
resize 60 20
resize 10 4
resize 2 1
resize 200 60
resize 100 30
keys J
keys K
keys "?"
keys q
keys q
keys q
i=0
while [ ! -s "$E2E_TMP/exit" ] && [ $i -lt 600 ]; do
	sleep 0.1
	i=$((i + 1))
done
st=$(cat "$E2E_TMP/exit" 2>/dev/null)
echo "$NAME: reader: exit status $st" >&2
if [ "$st" = 0 ] &&
    grep -q "ERROR SUMMARY: 0 errors" "$E2E_TMP/vg-reader.log"; then
	ok "reader: clean"
else
	fail "reader: status '$st'"
	sed 's/^/    vg| /' "$E2E_TMP/vg-reader.log" | head -60 >&2
fi
stop
grep -q valgrind "$XDG_DATA_HOME/inkstone/tags.yaml" 2>/dev/null &&
    ok "reader: the tag was saved" ||
    fail "reader: the scenario did not run (no tag saved)"
[ "$(grep -c '^https://' "$E2E_TMP/opened" 2>/dev/null)" -ge 3 ] &&
    ok "reader: open-url ran the browser" ||
    fail "reader: open-url did not run the browser for the 3 articles with a url"

# The commands.
n=0
run() {
	n=$((n + 1))
	$VG --log-file="$E2E_TMP/vg-$n.log" "$BIN" "$@" >/dev/null \
	    2>"$E2E_TMP/err"
	st=$?
	if [ "$st" = 99 ]; then
		fail "inkstone $*: valgrind found errors"
		sed 's/^/    vg| /' "$E2E_TMP/vg-$n.log" | head -60 >&2
	else
		ok "inkstone $*: status $st"
	fi
}
for f in "$LIB"/*.txt "$LIB"/*.md; do
	run dump --width 40 "$f"
	run entities --format yaml "$f"
done
run dump --width 1 "$LIB"/*.txt
run list "$LIB"
run list --tag valgrind --format tsv "$LIB"
run entities "$LIB"
run tag "$LIB/$(ls "$LIB" | head -1)" +one +two -valgrind
run highlights
run highlights --format yaml
run check
run check "$XDG_DATA_HOME/inkstone/tags.yaml" \
    "$XDG_DATA_HOME/inkstone/highlights.yaml" "$ROOT/themes/"*.yaml
run dump "$ROOT/tests/fixtures/hostile/escapes.txt"
run list "$ROOT/tests/fixtures"
# Small hostile files: combining marks alone, binary, invalid UTF-8, a
# long line.
mkdir -p "$E2E_TMP/odd"
perl -CS -e 'print "\x{301}\x{20dd}" x 3000, "\n"' >"$E2E_TMP/odd/marks.txt"
perl -e 'print map { chr($_ % 256) } 0 .. 4095' >"$E2E_TMP/odd/binary.txt"
perl -e 'print "Bad \xff\xfe bytes \xc3 and \xe4\xb8 cut\n\n", "\xed\xa0\x80 " x 500, "\n"' \
    >"$E2E_TMP/odd/invalid.txt"
perl -e 'print "word 字 " x 20000, "\n"' >"$E2E_TMP/odd/line.txt"
for f in "$E2E_TMP/odd/"*.txt; do
	run dump --width 3 "$f"
	run entities "$f"
done
run list "$E2E_TMP/odd"
echo "$NAME: $n command runs" >&2
finish
