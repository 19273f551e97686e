/* Benchmark: wrap_paragraph() at width 80 over about 20 MB of mixed CJK and
 * Latin paragraphs, beside the bare u8_possible_linebreaks() scan of the
 * same paragraphs measured in the same run.  Prints, never asserts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unilbrk.h>

#include "inkstone/util.h"
#include "inkstone/wrap.h"

#define TARGET_BYTES	(20u << 20)
#define ROUNDS		5

static const char *const latin[] = {
	"the", "ministry", "said", "on", "Tuesday", "that", "export",
	"controls", "on", "advanced", "semiconductors", "would", "tighten,",
	"Huawei", "Technologies", "Co", "(華為)", "and", "Samsung",
	"Electronics", "(삼성전자)", "reported", "3.5%", "growth;", "analysts",
	"expect", "US$1.2bn", "in", "new", "investment.", "well-known",
	"extra\xc2\xad" "ordinary"
};

static const char *const cjk[] = {
	"政府は", "新しい", "規制を", "発表した。", "市場では、", "「半導体」",
	"が注目されている", "华为技术有限公司", "表示，", "出口管制", "将会收紧。",
	"（中国）", "キャッシュレス決済", "ニュース", "한국", "정부는", "발표했다. ",
	"《人民日报》", "……", "ちょっと"
};

static uint32_t	rng = 20261123;

static uint32_t
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/* Paragraphs of 40 to 400 pieces, mostly one script or the other. */
static void
make_text(struct buf *b, size_t **ends, size_t *n)
{
	size_t	cap = 0, pieces, k;
	int	mostly_cjk;

	*n = 0;
	*ends = NULL;
	while (b->len < TARGET_BYTES) {
		pieces = 40 + next_rand() % 360;
		mostly_cjk = next_rand() % 2;
		for (k = 0; k < pieces; k++) {
			if ((next_rand() % 10 < 8) == mostly_cjk)
				buf_adds(b, cjk[next_rand() %
				    (sizeof cjk / sizeof cjk[0])]);
			else {
				buf_adds(b, latin[next_rand() %
				    (sizeof latin / sizeof latin[0])]);
				buf_addc(b, ' ');
			}
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			*ends = xreallocarray(*ends, cap, sizeof **ends);
		}
		(*ends)[(*n)++] = b->len;
	}
}

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(void)
{
	struct buf		 b = { 0 };
	struct wrap_lines	 out = { 0 };
	size_t			*ends, n, k, start, lines = 0, maxlen = 0;
	char			*p;
	double			 t, best_wrap = 1e9, best_scan = 1e9, mb;
	int			 r;

	make_text(&b, &ends, &n);
	for (k = 0, start = 0; k < n; start = ends[k++])
		if (ends[k] - start > maxlen)
			maxlen = ends[k] - start;
	p = xmalloc(maxlen);
	for (r = 0; r < ROUNDS; r++) {
		t = now();
		for (k = 0, start = 0; k < n; start = ends[k++])
			u8_possible_linebreaks((const uint8_t *)b.data + start,
			    ends[k] - start, "UTF-8", p);
		t = now() - t;
		if (t < best_scan)
			best_scan = t;
		t = now();
		lines = 0;
		for (k = 0, start = 0; k < n; start = ends[k++]) {
			out.n = 0;
			wrap_paragraph(b.data + start, ends[k] - start, 80,
			    &out);
			lines += out.n;
		}
		t = now() - t;
		if (t < best_wrap)
			best_wrap = t;
	}
	mb = (double)b.len / 1e6;
	printf("bench_wrap: %.1f MB, %zu paragraphs, %zu lines at width 80 "
	    "(best of %d)\n", mb, n, lines, ROUNDS);
	printf("  wrap_paragraph           %7.1f MB/s\n", mb / best_wrap);
	printf("  u8_possible_linebreaks   %7.1f MB/s (reference)\n",
	    mb / best_scan);
	printf("  ratio                    %7.2f (target >= 0.50)\n",
	    best_scan / best_wrap);
	wrap_lines_free(&out);
	free(p);
	free(ends);
	buf_free(&b);
	return 0;
}
