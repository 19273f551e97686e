/* Benchmark: entity extraction throughput on generated news text, beside
 * two references over the same bytes in the same run (a bare byte scan and
 * memchr for newlines).  Prints numbers, asserts nothing about time. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "inkstone/entity.h"
#include "inkstone/util.h"

#define TEXT_BYTES	(8u << 20)
#define PARAS_PER_ART	12

static const char *const people[] = { "Lisa Su", "Wang Mei-hua",
	"Jensen Huang", "Kim Woo-hyun", "Atsuyoshi Koike", "Tran Hong Ha",
	"Anna Lindqvist", "Lee Heng Guie", "Charlie Chan", "Lai Ching-te" };
static const char *const orgs[] = { "Taiwan Semiconductor Manufacturing Co",
	"Zentrix Semiconductor Corp", "Samsung Electronics", "the Ministry of "
	"Economic Affairs", "Hana Micron", "Penang Development Corp",
	"Nvidia", "SK Hynix", "the National Development Council",
	"Vitrox Corp" };
static const char *const places[] = { "Taipei", "Hsinchu", "Seoul",
	"Kumamoto", "Arizona", "Penang", "Bac Ninh", "Shenzhen", "Tokyo",
	"Hanoi" };
static const char *const templates[] = {
	"%P, chief executive of %O, said on Tuesday that revenue rose %N "
	"percent to US$%N.%N billion. ",
	"Shares of %O fell %N.%N%% in %L after the company cut its forecast. ",
	"\"We expect demand to stay strong,\" %P told analysts in %L. ",
	"The plan, announced on March %N, 2025, would cost about %N billion "
	"yuan and create %N jobs in %L. ",
	"Analysts at %O said the move could hurt smaller suppliers such as "
	"%O and %O. ",
	"However, officials in %L warned that power shortages might delay "
	"the project until next year. ",
	"%O (TSMC, 台積電) plans to expand in %L, according to %P. ",
	"The government will offer RM%N bil in grants, Premier %P said. ",
};
static const char *const cjk[] = {
	"台積電董事長魏哲家今天在新竹表示，今年營收可望成長%N%%。",
	"經濟部長郭智輝說，政府將投資新台幣%N億元，協助鴻海與聯發科擴大研發。",
	"三星電子と東京エレクトロンは、熊本に新しい工場を建設すると発表した。",
	"据新华社报道，工业和信息化部要求各地加快建设算力中心，华为公司参与。",
	"上海市和深圳市已经宣布提供补贴，总额超过%N亿元，市场反应热烈。",
	"ラピダスの小池淳義社長は、北海道千歳市の工場で試作を始めたと述べた。",
};

static uint32_t seed = 12345;

static uint32_t
rnd(uint32_t n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % n;
}

static void
fill(struct buf *b, const char *tpl)
{
	const char *p;

	for (p = tpl; *p != '\0'; p++) {
		if (*p != '%' || p[1] == '\0') {
			buf_addc(b, *p);
			continue;
		}
		switch (*++p) {
		case 'P':
			buf_adds(b, people[rnd(10)]);
			break;
		case 'O':
			buf_adds(b, orgs[rnd(10)]);
			break;
		case 'L':
			buf_adds(b, places[rnd(10)]);
			break;
		case 'N':
			buf_addf(b, "%u", 1 + rnd(99));
			break;
		default:
			buf_addc(b, *p);
			break;
		}
	}
}

static double
now(void)
{
	struct timespec ts;

	/* CPU time of this process: other work on a shared machine does not
	 * count against either side. */
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(void)
{
	struct entity_db	*db;
	struct entity_set	*set;
	struct buf		 text = { 0 };
	char			*cause = NULL, *share, *p, *e;
	const char		**paras = NULL;
	size_t			*lens = NULL, npara = 0, i, j, nent = 0;
	size_t			 lines = 0;
	unsigned		 sum = 0;
	double			 t0, t1, t_scan, t_memchr, t_ext;
	int			 s, k;

	share = util_share_path("entities.yaml");
	if (share == NULL)
		share = xstrdup("data/entities.yaml");
	db = entity_db_load(share, NULL, &cause);
	if (db == NULL) {
		fprintf(stderr, "bench_entity: %s\n", cause);
		return 1;
	}
	while (text.len < TEXT_BYTES) {
		if (rnd(10) == 0)
			fill(&text, cjk[rnd(6)]);
		else
			for (s = 3 + (int)rnd(3); s > 0; s--)
				fill(&text, templates[rnd(8)]);
		buf_addc(&text, '\n');
	}
	for (p = text.data; p < text.data + text.len; p = e + 1) {
		e = memchr(p, '\n', (size_t)(text.data + text.len - p));
		paras = xreallocarray(paras, npara + 1, sizeof *paras);
		lens = xreallocarray(lens, npara + 1, sizeof *lens);
		paras[npara] = p;
		lens[npara++] = (size_t)(e - p);
	}
	/* References: one pass over every byte, and memchr over the same. */
	/* Each is the best of three runs. */
	t_scan = t_memchr = t_ext = 1e9;
	for (k = 0; k < 3; k++) {
		t0 = now();
		for (i = 0; i < text.len; i++)
			sum += (unsigned char)text.data[i] == ' ';
		t1 = now() - t0;
		t_scan = t1 < t_scan ? t1 : t_scan;
		t0 = now();
		for (p = text.data; (p = memchr(p, '\n',
		    (size_t)(text.data + text.len - p))) != NULL; p++)
			lines++;
		t1 = now() - t0;
		t_memchr = t1 < t_memchr ? t1 : t_memchr;
		/* Extraction one article (PARAS_PER_ART paragraphs) at a
		 * time, as the reader does. */
		t0 = now();
		for (i = 0, nent = 0; i < npara; i += PARAS_PER_ART) {
			j = npara - i < PARAS_PER_ART ? npara - i :
			    PARAS_PER_ART;
			set = entity_extract(db, paras + i, lens + i, j);
			nent += set->n;
			entity_set_free(set);
		}
		t1 = now() - t0;
		t_ext = t1 < t_ext ? t1 : t_ext;
	}
	printf("entity extraction: %.1f MB of generated news, %zu paragraphs, "
	    "%zu entities (checksum %u/%zu)\n", (double)text.len / 1e6, npara,
	    nent, sum, lines);
	printf("  entity_extract   %8.1f MB/s\n",
	    (double)text.len / 1e6 / t_ext);
	printf("  byte scan (ref)  %8.1f MB/s\n",
	    (double)text.len / 1e6 / t_scan);
	printf("  memchr (ref)     %8.1f MB/s\n",
	    (double)text.len / 1e6 / t_memchr);
	/* CJK text alone: every character is looked at, not every word. */
	buf_free(&text);
	while (text.len < TEXT_BYTES / 4) {
		for (s = 3 + (int)rnd(3); s > 0; s--)
			fill(&text, cjk[rnd(6)]);
		buf_addc(&text, '\n');
	}
	npara = 0;
	for (p = text.data; p < text.data + text.len; p = e + 1) {
		e = memchr(p, '\n', (size_t)(text.data + text.len - p));
		paras = xreallocarray(paras, npara + 1, sizeof *paras);
		lens = xreallocarray(lens, npara + 1, sizeof *lens);
		paras[npara] = p;
		lens[npara++] = (size_t)(e - p);
	}
	t_ext = 1e9;
	for (k = 0; k < 3; k++) {
		t0 = now();
		for (i = 0; i < npara; i += PARAS_PER_ART) {
			j = npara - i < PARAS_PER_ART ? npara - i :
			    PARAS_PER_ART;
			set = entity_extract(db, paras + i, lens + i, j);
			entity_set_free(set);
		}
		t1 = now() - t0;
		t_ext = t1 < t_ext ? t1 : t_ext;
	}
	printf("  entity_extract, CJK text alone (%.1f MB) %8.1f MB/s\n",
	    (double)text.len / 1e6, (double)text.len / 1e6 / t_ext);
	printf("  (CPU time of one thread, best of 3; target: entity_extract "
	    ">= 20 MB/s)\n");
	free(paras);
	free(lens);
	buf_free(&text);
	entity_db_free(db);
	free(share);
	return 0;
}
