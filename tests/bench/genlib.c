/* genlib: writes a library of generated news articles for the scale
 * benchmarks: `genlib DIR N [SEED]`.  Each article is about 4 KB of
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

static void
article(FILE *f, unsigned i)
{
	unsigned	y = 2015 + next() % 11, m = 1 + next() % 12,
			d = 1 + next() % 28, p, s, size;
	const char	*src = PICK(sources);
	const char *const *o = orgs[next() % 12];
	int		raw = next() % 10 < 3, chinese = i % 10 == 9;

	if (raw) {
		fprintf(f, "%s\n%s %s more %s (item %u)\n", PICK(chrome_top),
		    o[0], PICK(verbs), PICK(things), i);
		fprintf(f, "%s %s more %s (item %u)\n", o[0], PICK(verbs),
		    PICK(things), i);
		fprintf(f, "%04u-%02u-%02u\nBy Staff Reporter / %s\n", y, m, d,
		    src);
	} else
		fprintf(f, "---\ntitle: %s %s more %s (item %u)\nsource: %s\n"
		    "date: %04u-%02u-%02u\ntags: [chips, item%u]\n---\n", o[0],
		    PICK(verbs), PICK(things), i, src, y, m, d, i % 50);
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

int
main(int argc, char **argv)
{
	char		path[4096];
	unsigned	n, i;
	FILE		*f;

	if (argc < 3) {
		fputs("usage: genlib DIR N [SEED]\n", stderr);
		return 2;
	}
	n = (unsigned)strtoul(argv[2], NULL, 10);
	rng = argc > 3 ? strtoull(argv[3], NULL, 10) : 0x2545F4914F6CDD1Dull;
	if (rng == 0)
		rng = 1;
	mkdir(argv[1], 0755);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%03u", argv[1], i / 1000);
		if (i % 1000 == 0 && mkdir(path, 0755) == -1 && errno != EEXIST) {
			perror(path);
			return 1;
		}
		snprintf(path, sizeof path, "%s/%03u/a%06u.%s", argv[1],
		    i / 1000, i, next() % 2 ? "md" : "txt");
		if ((f = fopen(path, "w")) == NULL) {
			perror(path);
			return 1;
		}
		article(f, i);
		if (fclose(f) != 0) {
			perror(path);
			return 1;
		}
	}
	return 0;
}
