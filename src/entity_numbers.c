/* entity_numbers: money ("US$1.4 trillion", "70 billion yuan",
 * "RM424.99bil"), percentages ("60%", "25 percent") and explicit dates
 * ("March 5, 2024", "5 March 2024", "2024-03-05") in text with spaces. */
#include <stdlib.h>
#include <string.h>

#include "inkstone/util.h"
#include "entity_priv.h"

#define word_is(k, w)	entity_tok_word_is(t, (k), (w))
#define wflags(k)	entity_tok_flags(x, t, (k))

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* The value of an all-digit token, or -1. */
static long
tok_int(const char *t, const struct tok *k)
{
	long	 v = 0;
	size_t	 i;

	if (k->kind != K_NUM || k->e - k->s > 4)
		return -1;
	for (i = k->s; i < k->e; i++) {
		if (!is_digit((unsigned char)t[i]))
			return -1;
		v = v * 10 + (t[i] - '0');
	}
	return v;
}

static int
is_year(const char *t, const struct tok *k)
{
	long v = tok_int(t, k);

	return k->e - k->s == 4 && v >= 1900 && v <= 2199;
}

static int
is_day(const char *t, const struct tok *k)
{
	long v = tok_int(t, k);

	return k->e - k->s <= 2 && v >= 1 && v <= 31;
}

static int
punct(const struct tok *k, uint32_t c)
{
	return k->kind == K_PUNCT && k->cp == c;
}

static size_t
emit(struct ext *x, uint32_t para, const char *t, size_t s, size_t e,
    enum entity_type type)
{
	entity_ext_add(x, para, s, e, entity_key(t, s, e), -1, (int)type);
	return e;
}

static size_t
date_match(struct ext *x, uint32_t para, const char *t, struct tok *k,
    size_t n, size_t i)
{
	const struct tok	*a = &k[i];
	size_t			 j;

	/* 2024-03-05 */
	if (a->kind == K_NUM && a->e - a->s == 10 && t[a->s + 4] == '-' &&
	    t[a->s + 7] == '-' && is_digit((unsigned char)t[a->s + 5]) &&
	    is_digit((unsigned char)t[a->s + 8]) &&
	    is_digit((unsigned char)t[a->s + 9]))
		return emit(x, para, t, a->s, a->e, ENTITY_DATE);
	if (a->kind == K_CAP && (wflags(&k[i]) & W_MONTH) &&
	    i + 1 < n) {
		j = i + 1;
		if (is_year(t, &k[j]))		/* March 2024 */
			return emit(x, para, t, a->s, k[j].e, ENTITY_DATE);
		if (!is_day(t, &k[j]))
			return 0;
		/* March 5, 2024 / March 5 */
		if (j + 2 < n && punct(&k[j + 1], ',') && is_year(t, &k[j + 2]))
			return emit(x, para, t, a->s, k[j + 2].e, ENTITY_DATE);
		return emit(x, para, t, a->s, k[j].e, ENTITY_DATE);
	}
	/* 5 March 2024 / 5 March */
	if (is_day(t, a) && i + 1 < n && k[i + 1].kind == K_CAP &&
	    (wflags(&k[i + 1]) & W_MONTH)) {
		j = i + 1;
		if (j + 1 < n && is_year(t, &k[j + 1]))
			return emit(x, para, t, a->s, k[j + 1].e, ENTITY_DATE);
		return emit(x, para, t, a->s, k[j].e, ENTITY_DATE);
	}
	return 0;
}

/* Letters after the digits of a number token: "bil" in "100bil". */
static size_t
num_digits_end(const char *t, const struct tok *k)
{
	size_t i = k->s;

	while (i < k->e && (is_digit((unsigned char)t[i]) || t[i] == '.' ||
	    t[i] == ','))
		i++;
	return i;
}

static int
mag_ok(const struct ext *x, const char *s, size_t n)
{
	int *v;

	if (n == 0)
		return 1;
	v = entity_map_get(&x->db->words, s, n);
	return v != NULL && (*v & W_MAG);
}

/* After the number at token j: a magnitude and a currency word.  Returns
 * the last token used and sets *cur if a currency word was there. */
static size_t
num_tail(struct ext *x, const char *t, struct tok *k, size_t n, size_t j,
    int *cur)
{
	size_t	 m, e = j;
	int	 f;

	*cur = 0;
	if (j + 1 < n && k[j + 1].kind == K_LOW) {
		f = wflags(&k[j + 1]);
		if ((f & W_MAG) && k[j + 1].e - k[j + 1].s > 1)
			e = ++j;
	}
	if (j + 1 < n && k[j + 1].kind == K_LOW &&
	    (wflags(&k[j + 1]) & W_CURWORD)) {
		*cur = 1;
		return j + 1;
	}
	/* "US dollars", "New Taiwan dollars", "Hong Kong dollars" */
	for (m = j + 1; m < n && m <= j + 3 && k[m].kind == K_CAP; m++)
		;
	if (m > j + 1 && m < n && (word_is(&k[m], "dollars") ||
	    word_is(&k[m], "dollar"))) {
		*cur = 1;
		return m;
	}
	return e;
}

static size_t
money_match(struct ext *x, uint32_t para, const char *t, struct tok *k,
    size_t n, size_t i)
{
	size_t	 j = i, e;
	int	 pre = 0, cur;

	/* A prefix: $, US$, NT$, RM, RMB, USD ... */
	if (k[j].kind == K_CAP && j + 1 < n && !k[j + 1].sp &&
	    punct(&k[j + 1], '$') && k[j].e - k[j].s <= 2) {
		j += 2;
		pre = 1;
	} else if (k[j].kind == K_PUNCT && (k[j].cp == '$' ||
	    k[j].cp == 0x20ac || k[j].cp == 0xa3 || k[j].cp == 0xa5 ||
	    k[j].cp == 0x20a9 || k[j].cp == 0xffe5)) {
		j++;
		pre = 1;
	} else if (k[j].kind == K_CAP && k[j].allcaps && j + 1 < n &&
	    k[j + 1].kind == K_NUM && k[j].e - k[j].s <= 3) {
		static const char *const codes[] = { "RM", "RMB", "USD", "CNY",
		    "JPY", "KRW", "TWD", "EUR", "MYR", "SGD", "HKD", "NTD" };
		size_t c;

		for (c = 0; c < sizeof codes / sizeof codes[0]; c++)
			if (word_is(&k[j], codes[c]))
				break;
		if (c == sizeof codes / sizeof codes[0])
			return 0;
		j++;
		pre = 1;
	}
	if (j >= n || k[j].kind != K_NUM || (pre && j > i && k[j].sp &&
	    k[j - 1].kind == K_PUNCT))
		return 0;
	e = num_digits_end(t, &k[j]);
	if (e == k[j].s || !mag_ok(x, t + e, k[j].e - e))
		return 0;
	e = num_tail(x, t, k, n, j, &cur);
	if (!pre && !cur)
		return 0;
	return emit(x, para, t, k[i].s, k[e].e, ENTITY_MONEY);
}

static size_t
percent_match(struct ext *x, uint32_t para, const char *t, struct tok *k,
    size_t n, size_t i)
{
	if (k[i].kind != K_NUM || num_digits_end(t, &k[i]) != k[i].e ||
	    i + 1 >= n)
		return 0;
	if ((punct(&k[i + 1], '%') || punct(&k[i + 1], 0xff05)) &&
	    !k[i + 1].sp)
		return emit(x, para, t, k[i].s, k[i + 1].e, ENTITY_PERCENT);
	if (word_is(&k[i + 1], "percent") ||
	    word_is(&k[i + 1], "pct"))
		return emit(x, para, t, k[i].s, k[i + 1].e, ENTITY_PERCENT);
	if (i + 2 < n && word_is(&k[i + 1], "per") &&
	    word_is(&k[i + 2], "cent"))
		return emit(x, para, t, k[i].s, k[i + 2].e, ENTITY_PERCENT);
	return 0;
}

size_t
entity_num_match(struct ext *x, uint32_t para, const char *t, size_t len,
    struct tok *k, size_t n, size_t i)
{
	size_t e;

	(void)len;
	if (k[i].kind == K_CAP && !(wflags(&k[i]) & W_MONTH) &&
	    !k[i].allcaps && k[i].e - k[i].s > 2)
		return 0;
	if ((e = date_match(x, para, t, k, n, i)) != 0)
		return e;
	if ((e = money_match(x, para, t, k, n, i)) != 0)
		return e;
	return percent_match(x, para, t, k, n, i);
}
