#!/bin/sh
# Scale benchmark (issue 8): libraries of 1,000, 10,000 and 100,000
# generated articles (~4 KB each, one in ten mostly Chinese), and for each:
# cold index build, warm `inkstone list`, warm start to first frame, peak
# RSS, key-to-redraw latency, and a library search beside `grep -rlF` of
# the same word in the same run; newsboat's reload and print-unread of the
# same articles as an Atom feed where newsboat is installed.
#   SIZES="1000 10000" BENCH_DIR=/tmp/b sh tests/bench/scale.sh
# Prints numbers only; never fails on a time.
set -u
cd "$(dirname "$0")/../.." || exit 1
SIZES=${SIZES:-"1000 10000 100000"}
DIR=${BENCH_DIR:-build/benchdata}
WORD=${WORD:-Kumamoto}		# in most articles
RARE=${RARE:-"item 777"}	# in about one article in a thousand
INK=$PWD/inkstone
mkdir -p "$DIR" build/bench
cc -O2 -o build/bench/genlib tests/bench/genlib.c || exit 1
DIR=$(cd "$DIR" && pwd)
export XDG_CONFIG_HOME="$DIR/config" XDG_DATA_HOME="$DIR/data" LC_ALL=C.UTF-8
unset NO_COLOR

now() { date +%s.%N; }
# secs CMD...: wall seconds of one run, output discarded
secs() { t0=$(now); "$@" >/dev/null 2>&1; t1=$(now); printf '%.3f' "$(echo "$t1 - $t0" | bc)"; }
# best N CMD...: the fastest of N runs
best() {
	k=$1; shift; b=""
	while [ "$k" -gt 0 ]; do
		s=$(secs "$@")
		if [ -z "$b" ] || [ "$(echo "$s < $b" | bc)" = 1 ]; then b=$s; fi
		k=$((k - 1))
	done
	echo "$b"
}
ms() { printf '%.0f' "$(echo "$1 * 1000" | bc)"; }
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

SOCK=inkstone-bench-$$
t() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 't kill-server >/dev/null 2>&1' EXIT

# frame LIB PATTERN: ms from exec to PATTERN on a 120x40 screen (polled,
# so a few ms of tmux's own time are in it); prints "MS".
frame() {
	t kill-server >/dev/null 2>&1
	t new-session -d -x 120 -y 40 "sh"
	sleep 0.3
	t send-keys "exec env TERM=screen INKSTONE_LATENCY_LOG=$DIR/lat.log $INK $1" Enter
	t0=$(now)
	i=0
	while ! t capture-pane -p | grep -q "$2" && [ $i -lt 20000 ]; do i=$((i + 1)); done
	t1=$(now)
	ms "$(echo "$t1 - $t0" | bc)"
}

# peak: the running reader's peak RSS in KB.
peak() {
	pid=$(t list-panes -F '#{pane_pid}')
	kb=$(awk '/^VmHWM:/ { print $2 }' /proc/"$pid"/status 2>/dev/null)
	echo "${kb:-?}"
}

# settle: waits until the reader's background rescan is over.
settle() {
	i=0
	while t capture-pane -p | grep -Eq "scanning|indexing" && [ $i -lt 600 ]; do
		sleep 0.1; i=$((i + 1))
	done
}

# latency KEY COUNT: sends KEY COUNT times to the running reader and prints
# p50 and p99 of its key-to-redraw times (INKSTONE_LATENCY_LOG, in us).
latency() {
	: >"$DIR/lat.log"
	k=0
	while [ $k -lt "$2" ]; do t send-keys "$1"; k=$((k + 1)); sleep 0.01; done
	sleep 0.5
	sort -n "$DIR/lat.log" | awk '{v[NR]=$1} END {
		if (NR == 0) { print "? ?"; exit }
		p50 = v[int(NR * 0.5) > 0 ? int(NR * 0.5) : 1];
		p99 = v[int(NR * 0.99) > 0 ? int(NR * 0.99) : 1];
		printf "%.2f %.2f\n", p50 / 1000, p99 / 1000 }'
}

# A 1 MB article for the scrolling latency.
big="$DIR/big"
if [ ! -f "$big/one.txt" ]; then
	mkdir -p "$big"
	for f in $(ls articles/*.txt articles/*.md); do cat "$f"; done >"$big/seed"
	while [ "$(stat -c %s "$big/one.txt" 2>/dev/null || echo 0)" -lt 1048576 ]; do
		cat "$big/seed" >>"$big/one.txt"
	done
	rm "$big/seed"
fi

printf '%-34s' "articles"; for n in $SIZES; do printf '%14s' "$n"; done; echo
rows=""
for n in $SIZES; do
	lib="$DIR/lib$n"
	if [ ! -f "$lib.done" ]; then
		rm -rf "$lib"
		build/bench/genlib "$lib" "$n" "$lib.atom" && touch "$lib.done"
	fi
	export XDG_CACHE_HOME="$DIR/cache$n"
	rm -rf "$XDG_CACHE_HOME"
	cold=$(secs "$INK" list "$lib")
	warm=$(best 3 "$INK" list "$lib")
	listrss=$(rss "$INK" list "$lib")
	search=$(best 3 "$INK" list --search "$WORD" "$lib")
	grep=$(best 3 grep -rlF "$WORD" "$lib")
	rsearch=$(best 3 "$INK" list --search "$RARE" "$lib")
	rgrep=$(best 3 grep -rlF "$RARE" "$lib")
	ff=$(frame "$lib" "Articles $n/$n")
	settle
	t send-keys j
	sleep 0.3
	set -- $(latency j 200)
	lat_list="$1/$2"
	readerrss=$(peak)
	t kill-server >/dev/null 2>&1
	nb_reload="-" nb_print="-"
	if command -v newsboat >/dev/null 2>&1; then
		echo "\"exec:cat $lib.atom\"" >"$DIR/urls"
		rm -f "$DIR/nb$n.db"
		nb_reload=$(secs newsboat -u "$DIR/urls" -c "$DIR/nb$n.db" -C /dev/null -x reload)
		nb_print=$(secs newsboat -u "$DIR/urls" -c "$DIR/nb$n.db" -C /dev/null -x print-unread)
	fi
	eval "c_$n=\$cold w_$n=\$warm lr_$n=\$listrss s_$n=\$search g_$n=\$grep"
	eval "rs_$n=\$rsearch rg_$n=\$rgrep"
	eval "f_$n=\$ff rr_$n=\$readerrss l_$n=\$lat_list nr_$n=\$nb_reload np_$n=\$nb_print"
done
row() {
	printf '%-34s' "$1"
	for n in $SIZES; do eval "v=\$$2_$n"; printf '%14s' "$v"; done
	echo
}
row "cold index build + list (s)" c
row "warm inkstone list (s)" w
row "warm list peak RSS (KB)" lr
row "warm start to first frame (ms)" f
row "reader peak RSS (KB)" rr
row "list key-to-redraw p50/p99 (ms)" l
row "inkstone list --search $WORD (s)" s
row "grep -rlF $WORD (s, reference)" g
row "inkstone list --search '$RARE' (s)" rs
row "grep -rlF '$RARE' (s, reference)" rg
row "newsboat -x reload (s)" nr
row "newsboat -x print-unread (s)" np

# Scrolling a 1 MB article: open it, then Space pages.
export XDG_CACHE_HOME="$DIR/cachebig"
frame "$big/one.txt" "Articles 1/1" >/dev/null
t send-keys Enter
sleep 1
set -- $(latency Space 200)
echo "1 MB article: scroll key-to-redraw p50 $1 ms, p99 $2 ms"
