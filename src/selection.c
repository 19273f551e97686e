/* selection: units of an article's body (words, sentences, paragraphs)
 * and the steps of a visual selection over them. */
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>
#include <uniwbrk.h>

#include "inkstone/selection.h"
#include "inkstone/util.h"

struct spans {
	struct selection_span	*v;
	size_t			 n;
	size_t			 cap;
};

int
selection_cmp(struct selection_pos a, struct selection_pos b)
{
	if (a.para != b.para)
		return a.para < b.para ? -1 : 1;
	if (a.off != b.off)
		return a.off < b.off ? -1 : 1;
	return 0;
}

static void
add(struct spans *sp, size_t para, size_t a, size_t b)
{
	if (sp->n == sp->cap) {
		sp->cap = sp->cap ? sp->cap * 2 : 32;
		sp->v = xreallocarray(sp->v, sp->cap, sizeof *sp->v);
	}
	sp->v[sp->n].a.para = sp->v[sp->n].b.para = para;
	sp->v[sp->n].a.off = a;
	sp->v[sp->n].b.off = b;
	sp->n++;
}

/* The code point at s[i] (U+FFFD for a bad byte) and its length. */
static int
next_uc(const char *s, size_t len, size_t i, ucs4_t *uc)
{
	int n = u8_mbtouc(uc, (const uint8_t *)s + i, len - i);

	return n > 0 ? n : 1;
}

static int
is_space(ucs4_t uc)
{
	return uc_is_property_white_space(uc);
}

static void
words(struct spans *sp, size_t para, const char *s, size_t len)
{
	char	*brk;
	size_t	 i, start = 0;
	ucs4_t	 uc;
	int	 word = 0;

	if (len == 0)
		return;
	brk = xmalloc(len);
	u8_wordbreaks((const uint8_t *)s, len, brk);
	for (i = 0; i < len;) {
		if (i > 0 && brk[i]) {
			if (word)
				add(sp, para, start, i);
			start = i;
			word = 0;
		}
		i += (size_t)next_uc(s, len, i, &uc);
		word |= uc_is_alnum(uc);
	}
	if (word)
		add(sp, para, start, len);
	free(brk);
}

static int
is_closer(ucs4_t uc)
{
	return uc == '"' || uc == '\'' || uc == ')' || uc == ']' ||
	    uc == 0x2019 || uc == 0x201d || uc == 0x300d || uc == 0x300f ||
	    uc == 0xff09 || uc == 0x3011 || uc == 0x300b;
}

/* b less the white space before it, down to a. */
static size_t
trim_end(const char *s, size_t a, size_t b)
{
	const uint8_t	*p;
	ucs4_t		 uc;

	while (b > a) {
		p = u8_prev(&uc, (const uint8_t *)s + b, (const uint8_t *)s + a);
		if (p == NULL || !is_space(uc))
			break;
		b = (size_t)(p - (const uint8_t *)s);
	}
	return b;
}

static int
is_stop(ucs4_t uc)
{
	return uc == '.' || uc == '!' || uc == '?' || uc == 0x2026 ||
	    uc == 0x3002 || uc == 0xff01 || uc == 0xff1f;
}

/*
 * A sentence ends after . ! ? (and any more stops, closing quotes or
 * brackets) when a space or the end of the paragraph follows -- "5.5" and
 * "U.S.-made" do not end one -- and after 。！？ (and closers) whatever
 * follows, since CJK text puts no space there.  Spaces between sentences
 * belong to neither.
 */
static void
sentences(struct spans *sp, size_t para, const char *s, size_t len)
{
	size_t	i = 0, start;
	ucs4_t	uc, next;
	int	n, end, cjk;

	for (;;) {
		while (i < len && (n = next_uc(s, len, i, &uc)) > 0 &&
		    is_space(uc))
			i += (size_t)n;
		if (i >= len)
			return;
		start = i;
		for (end = 0; i < len && !end;) {
			i += (size_t)next_uc(s, len, i, &uc);
			if (!is_stop(uc))
				continue;
			cjk = uc >= 0x3000;
			while (i < len && (n = next_uc(s, len, i, &next)) > 0 &&
			    (is_closer(next) || is_stop(next))) {
				cjk |= next >= 0x3000 && is_stop(next);
				i += (size_t)n;
			}
			if (i >= len || cjk)
				end = 1;
			else {
				next_uc(s, len, i, &next);
				end = is_space(next);
			}
		}
		/* The last sentence may end without a stop: not its spaces. */
		add(sp, para, start, trim_end(s, start, i));
	}
}

static void
paragraph(struct spans *sp, size_t para, const char *s, size_t len)
{
	size_t	a = 0, b;
	ucs4_t	uc;
	int	n;

	while (a < len && (n = next_uc(s, len, a, &uc)) > 0 && is_space(uc))
		a += (size_t)n;
	b = trim_end(s, a, len);
	if (a < b)
		add(sp, para, a, b);
}

size_t
selection_units(const struct article_para *paras, size_t npara, size_t from,
    size_t to, enum selection_unit u, struct selection_span **out)
{
	struct spans	sp = { 0 };
	size_t		p;

	for (p = from; p <= to && p < npara; p++) {
		switch (u) {
		case SELECTION_WORD:
			words(&sp, p, paras[p].text, paras[p].len);
			break;
		case SELECTION_SENTENCE:
			sentences(&sp, p, paras[p].text, paras[p].len);
			break;
		case SELECTION_PARAGRAPH:
			paragraph(&sp, p, paras[p].text, paras[p].len);
			break;
		}
	}
	*out = sp.v;
	return sp.n;
}

int
selection_begin(struct selection *s, const struct article_para *paras,
    size_t npara, size_t para, size_t off)
{
	struct selection_span	*v;
	size_t			 n, i, p;

	for (p = para; p < npara; p++) {
		n = selection_units(paras, npara, p, p, SELECTION_WORD, &v);
		for (i = 0; i < n; i++)
			if (p > para || v[i].b.off > off)
				break;
		if (i < n) {
			s->start = v[i].a;
			s->end = v[i].b;
			s->moving_start = 0;
			free(v);
			return 0;
		}
		free(v);
	}
	return -1;
}

int
selection_step_spans(struct selection *s, const struct selection_span *v,
    size_t n, int dir)
{
	size_t	i;

	if (!s->moving_start && dir > 0) {
		for (i = 0; i < n; i++)
			if (selection_cmp(v[i].b, s->end) > 0) {
				s->end = v[i].b;
				return 1;
			}
	} else if (!s->moving_start) {
		for (i = n; i > 0; i--)
			if (selection_cmp(v[i - 1].b, s->end) < 0) {
				if (selection_cmp(v[i - 1].b, s->start) <= 0)
					break;
				s->end = v[i - 1].b;
				return 1;
			}
	} else if (dir < 0) {
		for (i = n; i > 0; i--)
			if (selection_cmp(v[i - 1].a, s->start) < 0) {
				s->start = v[i - 1].a;
				return 1;
			}
	} else {
		for (i = 0; i < n; i++)
			if (selection_cmp(v[i].a, s->start) > 0) {
				if (selection_cmp(v[i].a, s->end) >= 0)
					break;
				s->start = v[i].a;
				return 1;
			}
	}
	return 0;
}

/* The step over the units of paragraph p alone: -1 when it has none. */
static int
step_in(struct selection *s, const struct article_para *paras, size_t npara,
    size_t p, enum selection_unit u, int dir)
{
	struct selection_span	*v;
	size_t			 n;
	int			 r;

	n = selection_units(paras, npara, p, p, u, &v);
	r = n > 0 ? selection_step_spans(s, v, n, dir) : -1;
	free(v);
	return r;
}

int
selection_step(struct selection *s, const struct article_para *paras,
    size_t npara, enum selection_unit u, int dir)
{
	struct selection_span	*v;
	size_t			 n, from, to, p;
	int			 r;

	/* The paragraphs the selection touches and one either side: a step
	 * usually goes at most into the next one. */
	from = s->start.para > 0 ? s->start.para - 1 : 0;
	to = s->end.para + 1;
	n = selection_units(paras, npara, from, to, u, &v);
	r = selection_step_spans(s, v, n, dir);
	free(v);
	if (r || s->moving_start != (dir < 0))
		return r;
	/* An extension that found nothing may face paragraphs with no unit
	 * ("* * *" has no word, a blank one nothing at all).  Every unit
	 * beyond them lies past the moving end, so the first paragraph out
	 * there that has one holds the boundary: look one paragraph at a
	 * time, never at the whole body. */
	if (dir > 0) {
		for (p = to + 1; p < npara; p++)
			if ((r = step_in(s, paras, npara, p, u, dir)) >= 0)
				return r;
	} else {
		for (p = from; p > 0; p--)
			if ((r = step_in(s, paras, npara, p - 1, u, dir)) >= 0)
				return r;
	}
	return 0;
}

void
selection_swap(struct selection *s)
{
	s->moving_start = !s->moving_start;
}

int
selection_in_para(const struct selection *s,
    const struct article_para *paras, size_t npara, size_t para,
    size_t *start, size_t *end)
{
	if (para >= npara || para < s->start.para || para > s->end.para)
		return 0;
	*start = para == s->start.para ? s->start.off : 0;
	*end = para == s->end.para ? s->end.off : paras[para].len;
	return *start < *end;
}
