#!/bin/sh
# The reader on its library index: a cold start fills the list when the
# index is built, a warm start shows the cached list at once and then the
# files added since, F5 rescans in the background without closing the open
# article, the entity filter works from the index, quitting in the middle
# of a cold build is prompt and keeps the work done, and
# INKSTONE_LATENCY_LOG records one time per key.
. "$(dirname "$0")/lib.sh"

LIB=$(library)
n=$(ls "$LIB" | wc -l)

# Cold: no index yet.
start 120 40 "$LIB"
expect "Articles $n/$n" 10
ls "$XDG_CACHE_HOME"/inkstone/index-*.bin >/dev/null 2>&1 &&
    ok "the index is written" || fail "no index in $XDG_CACHE_HOME/inkstone"
keys q
wait_exit 0

# Warm, with a file added since: the cached list, then the new one.
cat >"$LIB/zz-new.md" <<'EOF'
---
title: Keelung port adds a fourth container berth
source: Harbour Wire
date: 2031-02-03
---
Taiwan International Ports Corp (臺灣港務) said on Monday the berth
would open in the spring.
EOF
start 120 40 "$LIB"
expect "Articles $((n + 1))/$((n + 1))" 10
expect "Keelung port ad"

# F5 with an article open: the article stays, the new file appears.
keys g Enter
expect "Keelung port adds a fourth container berth"
cat >"$LIB/zz-newer.txt" <<'EOF'
Busan shipyards win two LNG carrier orders

Hanwha Ocean (한화오션) said on Friday it had signed the contracts.
EOF
keys F5
expect "Articles $((n + 2))/$((n + 2))" 10
expect "$n|[0-9]+ articles"
screen | grep -qF "Taiwan International Ports" &&
    ok "the article is still open" || fail "F5 closed the open article"
keys q
expect "No article open"

# The entity filter, answered by the index.
keys L
keys e
type_text "臺灣港務"
keys Enter
expect "Articles 1/$((n + 2))"
expect "Keelung port ad"
keys q
wait_exit 0

# Latency log: one line of microseconds per key.
rm -f "$E2E_TMP/lat.log"
stop
t new-session -d -x 120 -y 40 \
    "env TERM=screen INKSTONE_LATENCY_LOG=$E2E_TMP/lat.log $INKSTONE $LIB; echo \$? >$E2E_TMP/exit; sleep 60"
expect "Articles"
for k in j j j k k; do keys "$k"; done
lines=$(grep -c '^[0-9][0-9]*$' "$E2E_TMP/lat.log" 2>/dev/null || echo 0)
[ "$lines" -ge 5 ] && ok "latency log: $lines lines" ||
    fail "latency log: $lines lines for 5 keys"
keys q
wait_exit 0

# Quitting during a cold build of 4,000 articles: out within a second,
# and the next start begins from what was indexed.
BIG="$E2E_TMP/many"
mkdir -p "$BIG"
awk -v dir="$BIG" 'BEGIN {
	for (i = 0; i < 4000; i++) {
		f = sprintf("%s/a%04d.txt", dir, i)
		printf "Report %d on chip exports\n\n", i > f
		for (k = 0; k < 20; k++)
			printf "Samsung Electronics (삼성전자) and TSMC (台積電) met officials in Seoul on day %d. ", k > f
		printf "\n" > f
		close(f)
	}
}'
start 120 40 "$BIG"
expect "Indexing|scanning|Articles [1-9]" 10
t send-keys q
t0=$(date +%s%N)
wait_exit 0
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 ))
echo "$NAME: quit during a cold build of 4000: ${ms} ms"
[ "$ms" -lt $((1500 * E2E_SLOW)) ] && ok "quit in $ms ms" ||
    fail "quit took $ms ms"
start 120 40 "$BIG"
expect "Articles 4000/4000" 60
keys q
wait_exit 0

finish
