#!/bin/sh
# Hostile sizes and files, made at test time (nothing big is committed):
# a 50 MB article, a 1 MB single line, combining marks alone, a binary
# file named .txt, a file past the size limit (sparse), a file that read(2)
# refuses even to root, an unreadable file (not as root), a folder loop and
# a fan of symbolic links, a file that vanishes while listed.  Each gives
# a message or a sane rendering through dump, list and the reader, never a
# crash or a hang.  Then the reader is resized from 200x60 down to 1x1 and
# back, staying alive and inside the terminal.  Times go to stderr when
# E2E_VERBOSE is set.
. "$(dirname "$0")/lib.sh"

lib="$E2E_TMP/sizes"
mkdir -p "$lib"

now_ms() {
	echo $(($(date +%s%N) / 1000000))
}

T0=$(now_ms)
lap() {
	[ -n "${E2E_VERBOSE:-}" ] && echo "$NAME: $1: $(($(now_ms) - T0)) ms" >&2
	T0=$(now_ms)
}

# alive: the reader's process still runs and has not exited.
alive() {
	pane=$(t list-panes -F '#{pane_pid}' 2>/dev/null)
	if [ -s "$E2E_TMP/exit" ] || [ -z "$pane" ] ||
	    ! pgrep -P "$pane" >/dev/null; then
		fail "$1: the reader is gone (status $(cat "$E2E_TMP/exit" \
		    2>/dev/null), stderr: $(head -c 300 "$E2E_TMP/stderr"))"
		return 1
	fi
	ok "$1: alive"
}

# cli WHAT STATUS PATTERN CMD...: runs the command with a time limit; it
# must end with STATUS and, when PATTERN is not empty, say PATTERN on
# stderr.
cli() {
	what=$1 want=$2 pat=$3
	shift 3
	timeout 60 "$INKSTONE" "$@" >"$E2E_TMP/out" 2>"$E2E_TMP/err"
	st=$?
	if [ "$st" != "$want" ]; then
		fail "$what: inkstone $1: status $st, expected $want"
		sed 's/^/    stderr| /' "$E2E_TMP/err" | head -5 >&2
	elif [ -n "$pat" ] && ! grep -Eq -- "$pat" "$E2E_TMP/err"; then
		fail "$what: inkstone $1: stderr lacks /$pat/"
		sed 's/^/    stderr| /' "$E2E_TMP/err" | head -5 >&2
	else
		ok "$what: inkstone $1: status $st"
	fi
}

# browse FILE WHAT PATTERN: the reader on the one article FILE, opened;
# PATTERN is what the screen shows then.  Text is scrolled to its end,
# its start and a page down, and stays inside the terminal.
browse() {
	start 100 30 "$1"
	expect "Articles 1/1" 20
	keys Enter
	expect "$3" 20
	keys G
	keys g
	keys Space
	keys G
	sleep 0.3
	alive "$2" && check_width 100
	keys q q
	wait_exit 0
}

# The 50 MB article: paragraphs of English and CJK.
perl -e '
	my $p = "The committee met in Taipei on Monday (台北) and Huawei " .
	    "Technologies Co (華為) said revenue rose 5% to \$3 billion. " .
	    "中文段落，包含標點，也有很長的句子。\n\n";
	my $n = int(50 * 1024 * 1024 / length($p) + 1);
	print "A fifty megabyte article for the size tests\n\n";
	print $p x $n;
	print STDERR "$n\n";
' >"$lib/big.txt" 2>"$E2E_TMP/npara"
# One line of 1 MB, without a single space in its second half.
perl -e 'print "One line ", "word 字 " x 60000, "長" x 150000, "\n"' \
    >"$lib/oneline.txt"
# Combining marks and nothing else: no base character anywhere.
perl -CS -e 'print "\x{301}\x{302}\x{303}\x{20dd}\x{3099}" x 4000, "\n"' \
    >"$lib/marks.txt"
# Binary: NULs and every byte value.
perl -e 'print "\x7fELF\0\0\1\2", map { chr($_ % 256) } 0 .. 65535' \
    >"$lib/binary.txt"
lap "made the files"

# dump: the 50 MB article whole; the others.
t0=$(now_ms)
cli "50 MB" 0 "" dump --width 80 "$lib/big.txt"
echo "$NAME: dump of 50 MB: $(($(now_ms) - t0)) ms" >&2
n=$(grep -c 'Huawei' "$E2E_TMP/out")
[ "$n" -eq "$(cat "$E2E_TMP/npara")" ] &&
    ok "50 MB: every paragraph dumped" ||
    fail "50 MB: $n paragraphs dumped of $(cat "$E2E_TMP/npara")"
cli "1 MB line" 0 "" dump --width 80 "$lib/oneline.txt"
[ "$(wc -L <"$E2E_TMP/out")" -le 80 ] && ok "1 MB line: wrapped" ||
    fail "1 MB line: a dumped line is wider than 80 columns"
[ "$(grep -o '長' "$E2E_TMP/out" | wc -l)" -eq 150000 ] &&
    ok "1 MB line: no character lost" || fail "1 MB line: characters lost"
cli "marks" 0 "" dump --width 1 "$lib/marks.txt"
[ "$(grep -c . "$E2E_TMP/out")" -gt 0 ] && ok "marks: dumped" ||
    fail "marks: dump shows nothing"
cli "binary" 1 "binary.txt: binary" dump "$lib/binary.txt"
lap "dump"

# A file past the 64 MB limit (sparse, so it costs nothing): refused by
# its size before a byte is read.
truncate -s 70M "$lib/huge.txt"
cli "70 MB" 1 "too large" dump "$lib/huge.txt"
# read(2) fails with EIO, for root too.
if [ -r /proc/self/mem ]; then
	ln -s /proc/self/mem "$lib/eio.txt"
	cli "EIO" 1 "eio.txt: Input/output error" dump "$lib/eio.txt"
fi
# chmod 000 stops everyone but root.
printf 'Secret\n\nNot to be read by anyone at all today.\n' \
    >"$lib/unreadable.txt"
chmod 000 "$lib/unreadable.txt"
if [ "$(id -u)" = 0 ]; then
	echo "$NAME: running as root: the chmod 000 case is skipped (EIO" \
	    "above stands in for it)" >&2
	rm -f "$lib/unreadable.txt"
else
	cli "unreadable" 1 "Permission denied" dump "$lib/unreadable.txt"
fi
# A FIFO and a folder named like articles are not articles.
mkfifo "$lib/fifo.txt"
mkdir "$lib/folder.txt"
# A loop (up to the root, and into itself) and a fan of links: two links
# in each of 24 nested folders would reach the last one 2^24 times.
mkdir -p "$lib/loop"
ln -s .. "$lib/loop/up"
ln -s ../loop "$lib/loop/self"
i=0
while [ $i -lt 24 ]; do
	mkdir -p "$lib/fan/d$i"
	ln -s "../d$((i + 1))" "$lib/fan/d$i/a"
	ln -s "../d$((i + 1))" "$lib/fan/d$i/b"
	i=$((i + 1))
done
mkdir -p "$lib/fan/d24"
printf 'At the end of the fan\n\nThe last folder holds one article, once.\n' \
    >"$lib/fan/d24/leaf.txt"
lap "made the odd files"

t0=$(now_ms)
cli "list" 0 "" list "$lib"
echo "$NAME: list of the folder (50 MB included): $(($(now_ms) - t0)) ms" >&2
n=$(grep -c 'leaf.txt' "$E2E_TMP/out")
[ "$n" -eq 1 ] && ok "fan: the leaf once" || fail "fan: the leaf listed $n times"
grep -q 'fifo.txt\|folder.txt' "$E2E_TMP/out" &&
    fail "list shows a FIFO or a folder as an article" ||
    ok "FIFO and folder skipped"
for f in big oneline marks binary huge; do
	grep -q "$f.txt" "$E2E_TMP/out" && ok "list shows $f" ||
	    fail "list lacks $f.txt"
done
lap "list"

# A file name is anyone's text too: list prints it without its escapes.
mkdir -p "$E2E_TMP/names"
printf 'Named badly\n\nThe name of this file holds escape sequences.\n' \
    >"$E2E_TMP/names/$(printf 'evil\033]0;pwned\007\033[2J.txt')"
cli "escapes in a name" 0 "" list "$E2E_TMP/names"
if LC_ALL=C grep -q -P '[\x00-\x08\x0b-\x1f\x7f]' "$E2E_TMP/out"; then
	fail "list prints the escapes of a file name"
else
	ok "list shows the file name's escapes as pictures"
fi

# The reader on each file.
t0=$(now_ms)
browse "$lib/big.txt" "50 MB" "Reading +1-"
echo "$NAME: reader on 50 MB, opened and scrolled: $(($(now_ms) - t0)) ms" >&2
browse "$lib/oneline.txt" "1 MB line" "Reading +1-"
browse "$lib/marks.txt" "marks" "Reading +1-"
browse "$lib/binary.txt" "binary" "cannot be shown"
browse "$lib/huge.txt" "70 MB" "too large"
[ -e "$lib/eio.txt" ] && browse "$lib/eio.txt" "EIO" "Input/output error"
lap "reader on each file"

# A file that vanishes while listed: the library is read, the file is
# deleted, then opened.  Bodies are read when opened, so the reading pane
# says why it cannot show it.
mkdir -p "$E2E_TMP/vanish"
printf 'Going away soon\n\nThis article is deleted while the reader lists it.\n' \
    >"$E2E_TMP/vanish/gone.txt"
printf 'Staying here\n\nThis one stays for the whole test, as a witness.\n' \
    >"$E2E_TMP/vanish/stay.txt"
start 100 30 "$E2E_TMP/vanish"
expect "Articles 2/2"
rm -f "$E2E_TMP/vanish/gone.txt"
# No dates: the list is in path order, gone.txt first.
keys g Enter
sleep 0.5
alive "vanished file" && check_width 100
expect "cannot be shown" 5
expect "No such file or directory"
keys G g q
keys F5
expect "Articles 1/1"
expect_not "is deleted while"
alive "vanished file, rescanned"
keys q q
wait_exit 0
lap "vanishing file"

# Resizes from 200x60 down to 1x1 and back, with the 50 MB article's
# neighbour (the 1 MB line) open: alive, and inside the terminal, each
# time.
start 200 60 "$lib/oneline.txt"
expect "Articles 1/1"
keys Enter
expect "Reading +1-"
for size in 200x60 160x50 120x40 100x30 99x29 80x24 60x20 40x12 30x10 \
    20x8 12x5 10x4 8x3 5x2 3x2 2x1 1x1 1x10 1x60 2x2 200x1 80x1 3x1 \
    10x4 40x12 100x30 150x45 200x60; do
	x=${size%x*} y=${size#*x}
	t resize-window -x "$x" -y "$y"
	sleep 0.25
	got=$(t display-message -p '#{window_width}x#{window_height}')
	[ "$got" = "$size" ] || fail "tmux made $got of $size"
	alive "resized to $size" || break
	w=$(screen | wc -L)
	[ "$w" -le "$x" ] && ok "$size: fits" ||
	    fail "$size: a line is $w columns wide"
	h=$(screen | wc -l)
	[ "$h" -le "$y" ] || fail "$size: $h lines on $y rows"
done
expect "Reading +[0-9]"
keys G
alive "scrolled after the resizes"
keys q q
wait_exit 0
lap "resize loop"
finish
