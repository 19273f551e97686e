/* anchor: re-finding a highlight's quote in an article's paragraphs.
 * Tried in order: the exact quote at the hint with its context intact;
 * the quote anywhere, white space runs counting as equal, scored by how
 * much of its context matches and then how near the hint it is; an
 * approximate match (edit distance at most a quarter of the quote).  What none of these finds is
 * orphaned. */
#include <stdlib.h>
#include <string.h>

#include "inkstone/anchor.h"
#include "inkstone/util.h"

/* Fuzzy matching is O(quote * text); past these it is skipped. */
#define FUZZY_MAX_QUOTE	1024
#define FUZZY_MAX_CELLS	(64u << 20)

static int
is_cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Bytes of before that match the text just ahead of pos, counted from the
 * quote outwards; the same for after and the text from end. */
static size_t
context_score(const struct article_para *p, size_t pos, size_t end,
    const char *before, const char *after)
{
	size_t bl = strlen(before), al = strlen(after), n = 0, k;

	for (k = 0; k < bl && k < pos; k++, n++)
		if (before[bl - 1 - k] != p->text[pos - 1 - k])
			break;
	for (k = 0; k < al && end + k < p->len; k++, n++)
		if (after[k] != p->text[end + k])
			break;
	return n;
}

static size_t
distance(size_t a, size_t b)
{
	return a > b ? a - b : b - a;
}

/* Is candidate (score, para, off) better than the best so far? */
struct best {
	int	found;
	size_t	score;
	size_t	pdist;
	size_t	odist;
	size_t	para;
	size_t	start;
	size_t	end;
};

static void
consider(struct best *b, size_t score, size_t para, size_t start,
    size_t end, size_t para_hint, size_t off_hint)
{
	size_t pd = distance(para, para_hint), od = distance(start, off_hint);

	if (b->found && (score < b->score || (score == b->score &&
	    (pd > b->pdist || (pd == b->pdist && od >= b->odist)))))
		return;
	*b = (struct best){ 1, score, pd, od, para, start, end };
}

/* Matches the quote with its white space runs collapsed (nq) at text pos;
 * returns the end, or 0. */
static size_t
spaces_match(const struct article_para *p, size_t pos, const char *nq)
{
	const unsigned char *t = (const unsigned char *)p->text;

	while (*nq != '\0') {
		if (*nq == ' ') {
			if (pos >= p->len || !is_space(t[pos]))
				return 0;
			while (pos < p->len && is_space(t[pos]))
				pos++;
			nq++;
			continue;
		}
		if (pos >= p->len || t[pos] != (unsigned char)*nq)
			return 0;
		pos++;
		nq++;
	}
	return pos;
}

static char *
collapse_spaces(const char *s)
{
	char	*r = xmalloc(strlen(s) + 1), *o = r;

	while (is_space((unsigned char)*s))
		s++;
	while (*s != '\0') {
		if (is_space((unsigned char)*s)) {
			while (is_space((unsigned char)*s))
				s++;
			if (*s != '\0')
				*o++ = ' ';
			continue;
		}
		*o++ = *s++;
	}
	*o = '\0';
	return r;
}

/* Sellers' algorithm: the substring of p nearest to q by edit distance.
 * d and st are scratch rows of ql + 1. */
static void
fuzzy_para(const struct article_para *p, size_t para, const char *q,
    size_t ql, size_t *d, size_t *st, struct best *b, size_t para_hint,
    size_t off_hint)
{
	size_t	i, j, diag, diag_st, up, up_st, cost, best_d, nd, ns;

	for (i = 0; i <= ql; i++) {
		d[i] = i;
		st[i] = 0;
	}
	for (j = 1; j <= p->len; j++) {
		diag = d[0];
		diag_st = st[0];
		d[0] = 0;
		st[0] = j;
		for (i = 1; i <= ql; i++) {
			cost = q[i - 1] != p->text[j - 1];
			up = d[i];
			up_st = st[i];
			nd = diag + cost;
			ns = diag_st;
			if (up + 1 < nd) {
				nd = up + 1;
				ns = up_st;
			}
			if (d[i - 1] + 1 < nd) {
				nd = d[i - 1] + 1;
				ns = st[i - 1];
			}
			diag = up;
			diag_st = up_st;
			d[i] = nd;
			st[i] = ns;
		}
		/* Lower distance is a higher score. */
		best_d = d[ql];
		if (best_d <= ql / 4)
			consider(b, ql - best_d, para, st[ql], j, para_hint,
			    off_hint);
	}
}

int
anchor_find(const struct article_para *paras, size_t npara,
    const char *quote, const char *before, const char *after,
    size_t para_hint, size_t off_hint, struct anchor_match *m)
{
	struct best	 b = { 0 };
	char		*nq;
	size_t		 ql = strlen(quote), i, pos, end, cells = 0;
	size_t		*d, *st;

	memset(m, 0, sizeof *m);
	m->how = ANCHOR_ORPHANED;
	if (ql == 0)
		return -1;
	if (before == NULL)
		before = "";
	if (after == NULL)
		after = "";
	if (para_hint < npara && off_hint <= paras[para_hint].len &&
	    paras[para_hint].len - off_hint >= ql &&
	    memcmp(paras[para_hint].text + off_hint, quote, ql) == 0) {
		b = (struct best){ 1, 0, 0, 0, para_hint, off_hint,
		    off_hint + ql };
		/* Unless the context says the hint is stale, it is right. */
		if (context_score(&paras[para_hint], off_hint, off_hint + ql,
		    before, after) == strlen(before) + strlen(after)) {
			m->how = ANCHOR_EXACT;
			goto done;
		}
		b.found = 0;
	}
	/* One pass finds exact and re-spaced copies alike, so that a copy
	 * whose context matches beats one that only matches byte for byte. */
	nq = collapse_spaces(quote);
	for (i = 0; *nq != '\0' && i < npara; i++) {
		for (pos = 0; pos < paras[i].len; pos++) {
			if (paras[i].text[pos] != *nq ||
			    (end = spaces_match(&paras[i], pos, nq)) == 0)
				continue;
			consider(&b, context_score(&paras[i], pos, end, before,
			    after), i, pos, end, para_hint, off_hint);
		}
	}
	free(nq);
	if (b.found) {
		if (b.end - b.start != ql ||
		    memcmp(paras[b.para].text + b.start, quote, ql) != 0)
			m->how = ANCHOR_SPACES;
		else if (b.para == para_hint && b.start == off_hint)
			m->how = ANCHOR_EXACT;
		else
			m->how = ANCHOR_CONTEXT;
		goto done;
	}
	if (ql > FUZZY_MAX_QUOTE || ql < 4)
		return -1;
	for (i = 0; i < npara; i++)
		cells += paras[i].len;
	if (cells > FUZZY_MAX_CELLS / ql)
		return -1;
	d = xreallocarray(NULL, ql + 1, sizeof *d);
	st = xreallocarray(NULL, ql + 1, sizeof *st);
	for (i = 0; i < npara; i++)
		fuzzy_para(&paras[i], i, quote, ql, d, st, &b, para_hint,
		    off_hint);
	free(d);
	free(st);
	if (!b.found)
		return -1;
	m->how = ANCHOR_FUZZY;
	/* Whole characters only. */
	while (b.start < b.end && is_cont((unsigned char)
	    paras[b.para].text[b.start]))
		b.start++;
	while (b.end < paras[b.para].len && is_cont((unsigned char)
	    paras[b.para].text[b.end]))
		b.end++;
done:
	m->para = b.para;
	m->start = b.start;
	m->end = b.end;
	return 0;
}

int
anchor_make(const struct article_para *p, size_t start, size_t end,
    size_t ctx, char **quote, char **before, char **after)
{
	size_t	b, a;

	if (start >= end || end > p->len)
		return -1;
	b = start > ctx ? start - ctx : 0;
	while (b < start && is_cont((unsigned char)p->text[b]))
		b++;
	a = end + ctx < p->len ? end + ctx : p->len;
	while (a > end && a < p->len && is_cont((unsigned char)p->text[a]))
		a--;
	*quote = xstrndup(p->text + start, end - start);
	*before = xstrndup(p->text + b, start - b);
	*after = xstrndup(p->text + end, a - end);
	return 0;
}
