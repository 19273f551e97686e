/* genlib: writes a library of generated news articles for the scale
 * benchmarks: `genlib DIR N [ATOM]`; with ATOM, the same articles also as
 * one Atom feed (for newsboat, through an exec:cat URL).  Each article is about 4 KB of
 * English news prose with CJK names in parentheses; one in ten is mostly
 * Chinese; seven in ten have front matter, the rest are raw page text with
 * chrome.  Articles are spread over folders of 1,000. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t rng;

static uint32_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

#define PICK(a) (a[next() % (sizeof a / sizeof a[0])])

static const char *const orgs[][2] = {
	{ "Taiwan Semiconductor Manufacturing Co", "台積電" },
	{ "Huawei Technologies Co", "華為" },
	{ "Samsung Electronics", "삼성전자" },
	{ "SK Hynix", "SK하이닉스" },
	{ "Semiconductor Manufacturing International Corp", "中芯國際" },
	{ "Tokyo Electron", "東京エレクトロン" },
	{ "Alibaba Group", "阿里巴巴" },
	{ "Tencent Holdings", "騰訊" },
	{ "Foxconn Technology Group", "鴻海" },
	{ "Rapidus Corp", "ラピダス" },
	{ "MediaTek Inc", "聯發科" },
	{ "BYD Co", "比亞迪" },
};
static const char *const people[][2] = {
	{ "Xi Jinping", "習近平" },
	{ "Lai Ching-te", "賴清德" },
	{ "Lee Jae-yong", "이재용" },
	{ "Ren Zhengfei", "任正非" },
	{ "C.C. Wei", "魏哲家" },
	{ "Lisa Su", "蘇姿丰" },
	{ "Jensen Huang", "黃仁勳" },
	{ "Masayoshi Son", "孫正義" },
};
static const char *const places[] = {
	"Taipei", "Hsinchu", "Shenzhen", "Shanghai", "Seoul", "Tokyo",
	"Beijing", "Hong Kong", "Kumamoto", "Arizona", "Singapore", "Osaka",
};
static const char *const sources[] = {
	"Harbour Tech Review", "Peninsula Ledger", "Asia Compute Weekly",
	"Straits Circuit", "Pacific Wafer Journal",
};
static const char *const verbs[] = {
	"said on Tuesday that it would expand", "is weighing plans to cut",
	"reported a sharp rise in", "warned investors about slowing",
	"agreed to invest in", "is racing to secure",
};
static const char *const things[] = {
	"advanced packaging capacity", "shipments of AI accelerators",
	"high-bandwidth memory output", "its mature-node foundry business",
	"orders for server racks", "research into two-nanometre chips",
};
static const char *const zh[] = {
	"業界人士指出，先進製程的需求持續強勁，相關供應鏈已開始擴產。",
	"分析師表示，出口管制的影響仍在擴大，企業正在調整採購策略。",
	"政府官員強調，將持續支持半導體產業的研發與人才培育。",
	"市場預期第三季營收將較去年同期成長兩成以上。",
	"多家業者坦言，電力與水資源供應是擴廠的主要挑戰。",
};
static const char *const chrome_top[] = { "logo", "Subscribe", "Menu" };
static const char *const chrome_end[] = {
	"Download our app for breaking news alerts",
	"Comments", "No comments yet", "#Semiconductors #AI",
	"You've reached the end",
};

static void
sentence(FILE *f)
{
	int k = (int)(next() % 4);

	if (k == 0) {
		const char *const *o = orgs[next() % 12];
		fprintf(f, "%s (%s) %s %s in %s, according to people familiar "
		    "with the matter. ", o[0], o[1], PICK(verbs), PICK(things),
		    PICK(places));
	} else if (k == 1) {
		const char *const *p = people[next() % 8];
		fprintf(f, "%s (%s) told reporters in %s that the industry "
		    "needed about US$%u billion more over %u years. ", p[0],
		    p[1], PICK(places), 5 + next() % 200, 2 + next() % 8);
	} else if (k == 2)
		fprintf(f, "Revenue rose %u percent from a year earlier to "
		    "%u billion yuan, beating forecasts. ", 3 + next() % 60,
		    10 + next() % 900);
	else
		fprintf(f, "Analysts expect the %s to keep tightening as "
		    "export controls widen and customers in %s hedge their "
		    "bets. ", PICK(things), PICK(places));
}

static char	 title_buf[512];
static char	 date_buf[16];

static void
article(FILE *f, unsigned i)
{
	unsigned	y = 2015 + next() % 11, m = 1 + next() % 12,
			d = 1 + next() % 28, p, s, size;
	const char	*src = PICK(sources);
	const char *const *o = orgs[next() % 12];
	int		raw = next() % 10 < 3, chinese = i % 10 == 9;

	snprintf(title_buf, sizeof title_buf, "%s %s more %s (item %u)", o[0],
	    PICK(verbs), PICK(things), i);
	snprintf(date_buf, sizeof date_buf, "%04u-%02u-%02u", y, m, d);
	if (raw)
		fprintf(f, "%s\n%s\n%s\n%s\nBy Staff Reporter / %s\n",
		    PICK(chrome_top), title_buf, title_buf, date_buf, src);
	else
		fprintf(f, "---\ntitle: %s\nsource: %s\ndate: %s\n"
		    "tags: [chips, item%u]\n---\n", title_buf, src, date_buf,
		    i % 50);
	for (size = 0, p = 0; size < 3600; p++) {
		long start = ftell(f);
		for (s = 0; s < 4; s++) {
			if (chinese)
				fputs(PICK(zh), f);
			else
				sentence(f);
		}
		fputs(raw ? "\n" : "\n\n", f);
		size += (unsigned)(ftell(f) - start);
	}
	if (raw)
		for (s = 0; s < 3; s++)
			fprintf(f, "%s\n", PICK(chrome_end));
}

static void
xml(FILE *f, const char *s, size_t n)
{
	for (; n > 0; s++, n--)
		switch (*s) {
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '&': fputs("&amp;", f); break;
		default: fputc(*s, f);
		}
}

int
main(int argc, char **argv)
{
	char		path[4096], *text;
	size_t		len;
	unsigned	n, i;
	FILE		*f, *atom = NULL, *mem;

	if (argc < 3) {
		fputs("usage: genlib DIR N [ATOM]\n", stderr);
		return 2;
	}
	n = (unsigned)strtoul(argv[2], NULL, 10);
	rng = 0x2545F4914F6CDD1Dull;
	if (argc > 3 && (atom = fopen(argv[3], "w")) == NULL) {
		perror(argv[3]);
		return 1;
	}
	if (atom != NULL)
		fputs("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		    "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
		    "<title>genlib</title><id>urn:genlib</id>"
		    "<updated>2025-01-01T00:00:00Z</updated>\n", atom);
	mkdir(argv[1], 0755);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%03u", argv[1], i / 1000);
		if (i % 1000 == 0 && mkdir(path, 0755) == -1 && errno != EEXIST) {
			perror(path);
			return 1;
		}
		snprintf(path, sizeof path, "%s/%03u/a%06u.%s", argv[1],
		    i / 1000, i, next() % 2 ? "md" : "txt");
		if ((mem = open_memstream(&text, &len)) == NULL)
			return 1;
		article(mem, i);
		fclose(mem);
		if ((f = fopen(path, "w")) == NULL) {
			perror(path);
			return 1;
		}
		fwrite(text, 1, len, f);
		if (fclose(f) != 0) {
			perror(path);
			return 1;
		}
		if (atom != NULL) {
			fprintf(atom, "<entry><id>urn:genlib:%u</id><title>", i);
			xml(atom, title_buf, strlen(title_buf));
			fprintf(atom, "</title><updated>%sT00:00:00Z</updated>"
			    "<content type=\"text\">", date_buf);
			xml(atom, text, len);
			fputs("</content></entry>\n", atom);
		}
		free(text);
	}
	if (atom != NULL) {
		fputs("</feed>\n", atom);
		if (fclose(atom) != 0)
			return 1;
	}
	return 0;
}
