/* entity_cands: passes over the candidate mentions, after the scanners
 * and before they are grouped into entities (entity.c): the other
 * mentions of a CJK alias given in parentheses, and one mention for one
 * span of text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/entity.h"
#include "inkstone/util.h"
#include "entity_priv.h"

/* A CJK name given in parentheses ("Kestrel Co (紅隼)") is a name of this
 * article: find its other mentions, which no rule would take alone.  One
 * pass over the text, the aliases found by their first character. */
struct cspan {
	uint32_t	para, start, end;
};

static int
cspan_cmp(const void *a, const void *b)
{
	const struct cspan *x = a, *y = b;

	if (x->para != y->para)
		return x->para < y->para ? -1 : 1;
	return (x->start > y->start) - (x->start < y->start);
}

/* Whether [s, e) of paragraph p overlaps one of the sorted spans. */
static int
covered(const struct cspan *c, size_t n, uint32_t p, size_t s, size_t e)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {	/* the first span at or after (p, e) */
		mid = (lo + hi) / 2;
		if (c[mid].para < p || (c[mid].para == p && c[mid].start < e))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && c[lo - 1].para == p && c[lo - 1].end > s;
}

void
entity_text_aliases(struct ext *x, const char *const *paras, const size_t *lens,
    size_t npara)
{
	struct entity_map	 first = { 0 }, seen = { 0 };
	struct cspan		*cov;
	const char		*a, *t;
	size_t			 i, p, s, n, al, best, na = x->na, nc0 = x->nc;
	int			*next, *v, j, bi;

	next = xcalloc(na + 1, sizeof *next);
	for (i = 0; i < na; i++) {
		a = x->a[i].alias;
		n = entity_u8len((unsigned char)a[0]);
		/* Invalid UTF-8 can make an alias shorter than its first
		 * character claims to be. */
		if ((unsigned char)a[0] < 0x80 || n > strlen(a))
			continue;
		/* One of each alias: the text gives the same one for every
		 * mention, and a chain of 26,000 copies of "(華為)" walked at
		 * each 華 made a 5 MB article take seconds. */
		if (entity_map_get(&seen, a, strlen(a)) != NULL)
			continue;
		entity_map_put(&seen, a, strlen(a), 1);
		v = entity_map_get(&first, a, n);
		next[i] = v != NULL ? *v : -1;
		entity_map_put(&first, a, n, (int)i);
	}
	entity_map_free(&seen);
	if (first.n == 0) {
		free(next);
		return;
	}
	cov = xcalloc(nc0 + 1, sizeof *cov);
	for (i = 0; i < nc0; i++) {
		cov[i].para = x->c[i].para;
		cov[i].start = x->c[i].start;
		cov[i].end = x->c[i].end;
	}
	qsort(cov, nc0, sizeof *cov, cspan_cmp);
	for (p = 0; p < npara; p++) {
		if ((t = paras[p]) == NULL || lens[p] >= UINT32_MAX)
			continue;
		for (s = 0; s < lens[p]; s += n) {
			n = entity_u8len((unsigned char)t[s]);
			if ((unsigned char)t[s] < 0xe0 || n > lens[p] - s ||
			    (v = entity_map_get(&first, t + s, n)) == NULL)
				continue;
			for (best = 0, bi = -1, j = *v; j >= 0; j = next[j]) {
				al = strlen(x->a[j].alias);
				if (al > best && al <= lens[p] - s &&
				    memcmp(t + s, x->a[j].alias, al) == 0) {
					best = al;
					bi = j;
				}
			}
			if (bi < 0 || covered(cov, nc0, (uint32_t)p, s,
			    s + best))
				continue;
			entity_ext_add(x, (uint32_t)p, s, s + best,
			    xstrdup(x->a[bi].alias), -1, -1);
			n = best;
		}
	}
	free(cov);
	free(next);
	entity_map_free(&first);
}

/* Candidates in text order, the longer first where two start together. */
static int
cand_pos_cmp(const void *a, const void *b, void *arg)
{
	const struct cand *c = arg, *x = &c[*(const size_t *)a],
	    *y = &c[*(const size_t *)b];

	if (x->para != y->para)
		return x->para < y->para ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end < y->end) - (x->end > y->end);
}

/* Whether candidate a should stand for text that b shares: the gazetteer's
 * name over a rule's guess, else the longer. */
static int
cand_wins(const struct cand *a, const struct cand *b)
{
	if ((a->gz >= 0) != (b->gz >= 0))
		return a->gz >= 0;
	return a->end - a->start > b->end - b->start;
}

/* One span of text is one mention: of candidates that overlap ("JD" and
 * "JD.com", "Bank of China" inside "People's Bank of China") only the
 * winner is kept; the others get an empty key, which grouping skips. */
void
entity_drop_overlaps(struct ext *x)
{
	struct cand	*c = x->c, *w = NULL;
	size_t		*ord, i, j, v, moves = 0;

	if (x->nc < 2)
		return;
	/* The scanners add in text order but for a few ("(TSMC, 台積電)":
	 * the CJK alias comes before the acronym the main loop meets next),
	 * so an insertion sort does; too many moves, and qsort does. */
	ord = xcalloc(x->nc, sizeof *ord);
	for (i = 0; i < x->nc; i++) {
		v = i;
		for (j = i; j > 0 && moves <= 4 * x->nc &&
		    cand_pos_cmp(&ord[j - 1], &v, c) > 0; j--, moves++)
			ord[j] = ord[j - 1];
		ord[j] = v;
	}
	if (moves > 4 * x->nc)
		qsort_r(ord, x->nc, sizeof *ord, cand_pos_cmp, c);
	for (i = 0; i < x->nc; i++) {
		struct cand *y = &c[ord[i]];

		if (y->key[0] == '\0')
			continue;
		if (w == NULL || w->para != y->para || y->start >= w->end) {
			w = y;
			continue;
		}
		if (cand_wins(y, w)) {
			w->key[0] = '\0';
			w = y;
		} else
			y->key[0] = '\0';
	}
	free(ord);
}
