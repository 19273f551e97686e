/* entity_cjk: text without spaces.  Gazetteer names anywhere in a run of
 * CJK characters, plus the patterns that are reliable: a name before 公司,
 * 集團/集团, 大學/大学, 銀行/银行, 株式会社 (either side), 省, 市; money,
 * percentages and dates written with 元, ％, 年月日. */
#include <stdlib.h>
#include <string.h>

#include "inkstone/util.h"
#include "entity_priv.h"

struct suffix {
	const char		*s;
	int			 maxc;		/* most characters before it */
	enum entity_type	 type;
	int			 gzonly;	/* after a gazetteer name */
};

static const struct suffix suffixes[] = {
	{ "股份有限公司", 6, ENTITY_ORG, 0 }, { "有限公司", 6, ENTITY_ORG, 0 },
	{ "公司", 5, ENTITY_ORG, 0 }, { "集團", 5, ENTITY_ORG, 0 },
	{ "集团", 5, ENTITY_ORG, 0 }, { "大學", 5, ENTITY_ORG, 0 },
	{ "大学", 5, ENTITY_ORG, 0 }, { "銀行", 4, ENTITY_ORG, 0 },
	{ "银行", 4, ENTITY_ORG, 0 }, { "株式会社", 8, ENTITY_ORG, 0 },
	{ "省", 3, ENTITY_PLACE, 0 }, { "市", 2, ENTITY_PLACE, 0 },
	{ "州", 6, ENTITY_PLACE, 1 }, { "縣", 3, ENTITY_PLACE, 0 },
	{ "县", 3, ENTITY_PLACE, 0 }, { "県", 3, ENTITY_PLACE, 0 },
	{ "府", 3, ENTITY_PLACE, 1 }, { "町", 3, ENTITY_PLACE, 0 },
	/* Japanese titles follow the name: 小池淳義社長. */
	{ "社長", 4, ENTITY_PERSON, 0 }, { "会長", 4, ENTITY_PERSON, 0 },
	{ "知事", 4, ENTITY_PERSON, 0 },
};

/* Titles a person's name follows: 董事長魏哲家, 部長郭智輝. */
static const char *const titles[] = {
	"董事長", "董事长", "執行長", "执行长", "總經理", "总经理", "副總統",
	"副总统", "總統", "总统", "主席", "總裁", "总裁", "創辦人", "创办人",
	"創始人", "创始人", "發言人", "发言人", "總理", "总理", "首相",
	"大臣", "立委", "議員", "议员", "教授", "分析師",
	"分析师", "院長", "院长", "部長", "部长", "市長", "市长", "省長",
	"省长", "局長", "局长", "署長", "署长", "主委", "委員", "委员",
};
/* Characters after which 長 ends a title (經濟部長: the gazetteer has
 * taken 經濟部 already). */
static const char title_heads[] = "部院市局署社";
/* Characters that end a name after a title. */
static const char name_ends[] = "表今昨同也則则稱称說说指在與与及和的將将已曾";

/* Characters that end a name when walking back from a suffix: grammar
 * words that never end a company's or a city's name. */
static const char stops[] =
    "的在與与及是由向對对將将被把從从了於于等並并也都就而或但據据指稱称讓"
    "让給给說说到至以其該该這这那之即又再已曾會会要能可不沒没跟、";

/* Characters that make 市 or 省 part of another word (上市, 股市, 節省). */
static const char notcity[] = "上股城超都門门夜黑開开入退樓楼房車车街菜市"
    "节節反自";
static const char notcity_after[] = "場场值況况占面佔民價价";

static int
in_list(const char *list, const char *p, size_t n)
{
	const char *f;

	for (f = list; *f != '\0'; f += entity_u8len((unsigned char)*f))
		if (entity_u8len((unsigned char)*f) == n &&
		    memcmp(f, p, n) == 0)
			return 1;
	return 0;
}

#define CJ_STOP		0x1	/* ends a name */
#define CJ_SUFFIX	0x2	/* may begin a suffix */
#define CJ_TITLE	0x4	/* may begin a title */

static void
mark(struct entity_db *db, const char *s, int f, int first_only)
{
	size_t	 n;
	int	*v;

	for (; *s != '\0'; s += n) {
		n = entity_u8len((unsigned char)*s);
		v = entity_map_get(&db->cjk, s, n);
		entity_map_put(&db->cjk, s, n, (v != NULL ? *v : 0) | f);
		if (first_only)
			break;
	}
}

void
entity_cjk_init(struct entity_db *db)
{
	size_t i;

	mark(db, stops, CJ_STOP, 0);
	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
		mark(db, suffixes[i].s, CJ_SUFFIX, 1);
	for (i = 0; i < sizeof titles / sizeof titles[0]; i++)
		mark(db, titles[i], CJ_TITLE, 1);
	mark(db, "長长", CJ_TITLE, 0);
}

static int
cjk_flags(const struct entity_db *db, const char *p, size_t n)
{
	int *v = entity_map_get(&db->cjk, p, n);

	return v != NULL ? *v : 0;
}

static int
is_kana_or_han(uint32_t c)
{
	return (c >= 0x30a0 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) || c == 0x3005;
}

static int
is_hiragana(uint32_t c)
{
	return c >= 0x3040 && c <= 0x309f;
}

static int
is_fwdigit(uint32_t c)
{
	return (c >= 0xff10 && c <= 0xff19) || (c >= '0' && c <= '9');
}

/* Walks back from byte p over at most maxc name characters, not before
 * from.  Returns the start, or p if there are none. */
static size_t
walk_back(const struct entity_db *db, const char *t, size_t from, size_t p,
    int maxc, int *count)
{
	size_t		 s = p, q, n;
	uint32_t	 c;

	*count = 0;
	while (s > from && *count < maxc) {
		q = s - 1;
		while (q > from && ((unsigned char)t[q] & 0xc0) == 0x80)
			q--;
		c = entity_u8dec(t + q, s - q, &n);
		if (!is_kana_or_han(c) ||
		    (cjk_flags(db, t + q, s - q) & CJ_STOP))
			break;
		s = q;
		(*count)++;
	}
	return s;
}

/* A pattern match [s, e).  gz is the gazetteer entity that starts it, if
 * any: 台北市 is Taipei, 華為技術有限公司 is Huawei. */
static void
emit_pattern(struct ext *x, uint32_t para, const char *t, size_t s,
    size_t e, enum entity_type type, int gz)
{
	struct cand	*c;
	char		*key = entity_key(t, s, e);
	int		 ent;

	if (entity_ext_gz_match(x->db, key, strlen(key), &ent) != strlen(key))
		ent = gz >= 0 && x->db->ents[gz].type == type ? gz : -1;
	c = entity_ext_add(x, para, s, e, key, ent, -1);
	c->ev[type] += 3;
	c->flags |= C_KEEP;
}

/* A suffix pattern ending at byte p + its length.  Returns the end of what
 * was emitted, or 0. */
static size_t
suffix_at(struct ext *x, uint32_t para, const char *t, size_t from,
    size_t p, size_t e, int gz)
{
	const struct suffix	*sf;
	size_t			 i, sl, s, q, n;
	int			 count;
	uint32_t		 c;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		sf = &suffixes[i];
		sl = strlen(sf->s);
		if (sl > e - p || memcmp(t + p, sf->s, sl) != 0 ||
		    (sf->gzonly && gz < 0))
			continue;
		if (sf->type == ENTITY_PLACE) {
			if (p + sl + 3 <= e &&
			    in_list(notcity_after, t + p + sl, 3))
				return 0;
			if (p >= 3 + from && in_list(notcity, t + p - 3, 3))
				return 0;
		}
		if (sf->type == ENTITY_PERSON && gz >= 0)
			return 0;
		/* After a gazetteer name, that name is the whole stem. */
		if (gz >= 0) {
			s = from;
			count = 2;
		} else
			s = walk_back(x->db, t, from, p, sf->maxc, &count);
		/* 株式会社 may also stand before the name. */
		if (count < 2 && strcmp(sf->s, "株式会社") == 0) {
			for (q = p + sl, count = 0; q < e && count < 8;
			    q += n, count++) {
				c = entity_u8dec(t + q, e - q, &n);
				if (!is_kana_or_han(c))
					break;
			}
			if (count < 2)
				return 0;
			emit_pattern(x, para, t, p, q, sf->type, -1);
			return q;
		}
		if (count < 2)
			return 0;
		/* A person is the name without the title after it. */
		emit_pattern(x, para, t, s, sf->type == ENTITY_PERSON ? p :
		    p + sl, sf->type, gz);
		return p + sl;
	}
	return 0;
}

/* A title ending at p (its length is *tl) or none. */
static int
title_at(const char *t, size_t s, size_t p, size_t e, size_t *tl)
{
	size_t i, l;

	for (i = 0; i < sizeof titles / sizeof titles[0]; i++) {
		l = strlen(titles[i]);
		if (l <= e - p && memcmp(t + p, titles[i], l) == 0) {
			*tl = l;
			return 1;
		}
	}
	if (p >= s + 3 && 3 <= e - p && (memcmp(t + p, "長", 3) == 0 ||
	    memcmp(t + p, "长", 3) == 0) &&
	    in_list(title_heads, t + p - 3, 3)) {
		*tl = 3;
		return 1;
	}
	return 0;
}

/* A name of two or three Han characters after a title at p.  Returns its
 * end, or 0 (then the gazetteer or nothing names it). */
static size_t
titled_name(struct ext *x, uint32_t para, const char *t, size_t p, size_t e)
{
	struct cand	*c;
	size_t		 q = p, n;
	uint32_t	 ch;
	int		 count = 0, ent;

	if (entity_ext_gz_match(x->db, t + p, e - p, &ent) > 0)
		return 0;
	while (q < e && count < 3) {
		ch = entity_u8dec(t + q, e - q, &n);
		if (!((ch >= 0x4e00 && ch <= 0x9fff) || (ch >= 0x3400 &&
		    ch <= 0x4dbf)) || (cjk_flags(x->db, t + q, n) & CJ_STOP) ||
		    (count >= 2 && in_list(name_ends, t + q, n)))
			break;
		q += n;
		count++;
	}
	if (count < 2)
		return 0;
	c = entity_ext_add(x, para, p, q, entity_key(t, p, q), -1, -1);
	c->ev[0] += 3;
	c->flags |= C_KEEP;
	return q;
}

void
entity_cjk_run(struct ext *x, uint32_t para, const char *t, size_t s, size_t e)
{
	size_t		 p = s, from = s, g, n, r, q, i;
	uint32_t	 c;
	int		 ent, f;

	while (p < e) {
		c = entity_u8dec(t + p, e - p, &n);
		if (is_fwdigit(c)) {
			r = entity_cjk_number(x, para, t, e, p);
			if (r != 0) {
				p = from = r;
				continue;
			}
		}
		f = cjk_flags(x->db, t + p, n);
		if ((f & CJ_TITLE) && title_at(t, s, p, e, &g) &&
		    (r = titled_name(x, para, t, p + g, e)) != 0) {
			p = from = r;
			continue;
		}
		g = entity_ext_gz_match(x->db, t + p, e - p, &ent);
		if (g > 0) {
			/* 華為技術有限公司: the gazetteer name starts it,
			 * maybe with a few words between (寒武纪科技股份有限
			 * 公司). */
			r = suffix_at(x, para, t, p, p + g, e, ent);
			for (q = p + g, i = 0; r == 0 && i < 4 && q < e &&
			    x->db->ents[ent].type == ENTITY_ORG; i++) {
				c = entity_u8dec(t + q, e - q, &n);
				if (!is_kana_or_han(c) ||
				    (cjk_flags(x->db, t + q, n) & CJ_STOP))
					break;
				q += n;
				r = suffix_at(x, para, t, p, q, e, ent);
			}
			if (r == 0) {
				entity_ext_add(x, para, p, p + g,
				    entity_key(t, p, p + g), ent, -1);
				r = p + g;
			}
			p = from = r;
			continue;
		}
		if ((f & CJ_SUFFIX) &&
		    (r = suffix_at(x, para, t, from, p, e, -1)) != 0) {
			p = from = r;
			continue;
		}
		if (is_hiragana(c) || (f & CJ_STOP))
			from = p + n;
		p += n;
	}
}

/* A number at s: ASCII or full-width digits, with . and , inside. */
static size_t
number_end(const char *t, size_t len, size_t s)
{
	size_t		 p = s, n;
	uint32_t	 c;
	int		 digits = 0;

	while (p < len) {
		c = entity_u8dec(t + p, len - p, &n);
		if (is_fwdigit(c))
			digits = 1;
		else if (!(digits && (c == '.' || c == ',' || c == 0xff0e) &&
		    p + n < len && is_fwdigit(entity_u8dec(t + p + n,
		    len - p - n, &n))))
			break;
		else
			c = entity_u8dec(t + p, len - p, &n);
		p += n;
	}
	return digits ? p : s;
}

static size_t
starts(const char *t, size_t len, size_t p, const char *const *list,
    size_t nlist)
{
	size_t i, l;

	for (i = 0; i < nlist; i++) {
		l = strlen(list[i]);
		if (l <= len - p && memcmp(t + p, list[i], l) == 0)
			return l;
	}
	return 0;
}

size_t
entity_cjk_number(struct ext *x, uint32_t para, const char *t, size_t len,
    size_t s)
{
	static const char *const mags[] = { "萬", "万", "億", "亿", "兆", "千",
	    "百" };
	static const char *const curs[] = { "美元", "日圓", "日元", "円",
	    "韓元", "韩元", "港元", "港幣", "港币", "人民幣", "人民币",
	    "新台幣", "新台币", "台幣", "台币", "歐元", "欧元", "令吉", "元" };
	static const char *const pres[] = { "新台幣", "新台币", "人民幣",
	    "人民币", "美元", "日圓", "港幣" };
	size_t	 p, l, start = s, i;
	char	*key;

	p = number_end(t, len, s);
	if (p == s)
		return 0;
	if ((l = starts(t, len, p, (const char *const[]){ "%", "％" }, 2))
	    != 0) {
		entity_ext_add(x, para, s, p + l, entity_key(t, s, p + l), -1,
		    ENTITY_PERCENT);
		return p + l;
	}
	/* 2024年3月5日, 3月5日, 2024年3月 */
	if ((l = starts(t, len, p, (const char *const[]){ "年", "月" }, 2))
	    != 0) {
		size_t q = p + l, r = number_end(t, len, q), m;

		m = starts(t, len, r, (const char *const[]){ "月", "日" }, 2);
		if (r == q || m == 0)
			return 0;
		q = r + m;
		if (memcmp(t + p, "年", l) == 0 &&
		    memcmp(t + r, "月", m) == 0) {
			r = number_end(t, len, q);
			if (r != q && starts(t, len, r,
			    (const char *const[]){ "日" }, 1))
				q = r + 3;
		}
		entity_ext_add(x, para, s, q, entity_key(t, s, q), -1,
		    ENTITY_DATE);
		return q;
	}
	while ((l = starts(t, len, p, mags, sizeof mags / sizeof mags[0])) != 0)
		p += l;
	if ((l = starts(t, len, p, curs, sizeof curs / sizeof curs[0])) == 0)
		return 0;
	p += l;
	for (i = 0; i < sizeof pres / sizeof pres[0]; i++) {
		l = strlen(pres[i]);
		if (s >= l && memcmp(t + s - l, pres[i], l) == 0) {
			start = s - l;
			break;
		}
	}
	key = entity_key(t, start, p);
	entity_ext_add(x, para, start, p, key, -1, ENTITY_MONEY);
	return p;
}
