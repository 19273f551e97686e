/* search: case-folded matching with spans in the original text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>

#include "inkstone/search.h"
#include "inkstone/text.h"
#include "inkstone/util.h"

struct search {
	char	*folded;
	size_t	 len;
};

/* A folded copy of a text and, for each byte of it, where the code point
 * it came from starts and ends in the original. */
struct folded {
	struct buf	 b;
	size_t		*from;
	size_t		*to;
	size_t		 cap;
};

/* Code points in these ranges have no case, so they fold to themselves:
 * a fast path that keeps CJK searching cheap on large articles. */
static int
caseless(uint32_t cp)
{
	return (cp >= 0x3000 && cp <= 0x9fff) ||
	    (cp >= 0xac00 && cp <= 0xd7af) ||
	    (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0x20000 && cp <= 0x3ffff);
}

static void
fold_push(struct folded *f, const char *p, size_t n, size_t from, size_t to)
{
	size_t i;

	if (f->b.len + n > f->cap) {
		f->cap = (f->b.len + n) * 2 + 16;
		f->from = xreallocarray(f->from, f->cap, sizeof *f->from);
		f->to = xreallocarray(f->to, f->cap, sizeof *f->to);
	}
	for (i = 0; i < n; i++) {
		f->from[f->b.len + i] = from;
		f->to[f->b.len + i] = to;
	}
	buf_add(&f->b, p, n);
}

static void
fold(const char *s, size_t len, struct folded *f)
{
	uint8_t		 tmp[64], *r;
	size_t		 i = 0, n, rlen;
	uint32_t	 cp;
	char		 c;

	while (i < len) {
		n = text_decode(s + i, len - i, &cp);
		if (cp < 0x80) {
			c = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
			fold_push(f, &c, 1, i, i + n);
		} else if (caseless(cp))
			fold_push(f, s + i, n, i, i + n);
		else {
			rlen = sizeof tmp;
			r = u8_casefold((const uint8_t *)s + i, n, NULL, NULL,
			    tmp, &rlen);
			if (r == NULL)
				fold_push(f, s + i, n, i, i + n);
			else {
				fold_push(f, (const char *)r, rlen, i, i + n);
				if (r != tmp)
					free(r);
			}
		}
		i += n;
	}
	if (f->b.data == NULL)
		buf_add(&f->b, "", 0);
}

static void
folded_free(struct folded *f)
{
	buf_free(&f->b);
	free(f->from);
	free(f->to);
}

struct search *
search_new(const char *needle)
{
	struct folded	 f = { 0 };
	struct search	*s;

	fold(needle, strlen(needle), &f);
	if (f.b.len == 0) {
		folded_free(&f);
		return NULL;
	}
	s = xmalloc(sizeof *s);
	s->folded = buf_take(&f.b, &s->len);
	folded_free(&f);
	return s;
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	free(s->folded);
	free(s);
}

size_t
search_find(const struct search *s, const char *text, size_t len,
    struct search_spans *out)
{
	struct folded	 f = { 0 };
	const char	*p, *hay;
	size_t		 at = 0, count = 0, start, end;

	if (s == NULL || len == 0)
		return 0;
	fold(text, len, &f);
	hay = f.b.data;
	while (at < f.b.len &&
	    (p = memmem(hay + at, f.b.len - at, s->folded, s->len)) != NULL) {
		start = f.from[p - hay];
		end = f.to[p - hay + s->len - 1];
		if (out->n > 0 && out->v[out->n - 1].end > start &&
		    count > 0) {
			/* Two matches inside one folded code point. */
			at = (size_t)(p - hay) + 1;
			continue;
		}
		if (out->n == out->cap) {
			out->cap = out->cap * 2 + 8;
			out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
		}
		out->v[out->n].start = start;
		out->v[out->n].end = end;
		out->n++;
		count++;
		at = (size_t)(p - hay) + s->len;
	}
	folded_free(&f);
	return count;
}

int
search_contains(const struct search *s, const char *text, size_t len)
{
	struct search_spans	sp = { 0 };
	int			r;

	r = search_find(s, text, len, &sp) > 0;
	search_spans_free(&sp);
	return r;
}

void
search_spans_free(struct search_spans *out)
{
	free(out->v);
	out->v = NULL;
	out->n = out->cap = 0;
}

/* 1 if raw holds a non-ASCII code point whose full case folding holds
 * ASCII letters (KELVIN SIGN, LONG S, CAPITAL I WITH DOT, SHARP S and its
 * capital, N PRECEDED BY APOSTROPHE, J WITH CARON, H/T/W/Y WITH marks, A
 * WITH RIGHT HALF RING, the Latin ligatures): such text may match an
 * ASCII needle that its raw bytes do not show.  One pass over the bytes;
 * most of them are below 0xC3 and cost a compare. */
static int
folds_to_ascii(const char *raw, size_t len)
{
	const unsigned char	*u = (const unsigned char *)raw;
	size_t			 i;

	for (i = 0; i + 1 < len; i++) {
		if (u[i] < 0xc3)
			continue;
		switch (u[i]) {
		case 0xc3:
			if (u[i + 1] == 0x9f)
				return 1;
			break;
		case 0xc4:
			if (u[i + 1] == 0xb0)
				return 1;
			break;
		case 0xc5:
			if (u[i + 1] == 0xbf || u[i + 1] == 0x89)
				return 1;
			break;
		case 0xc7:
			if (u[i + 1] == 0xb0)
				return 1;
			break;
		case 0xe1:
			if (i + 2 < len && u[i + 1] == 0xba &&
			    ((u[i + 2] >= 0x96 && u[i + 2] <= 0x9a) ||
			    u[i + 2] == 0x9e))
				return 1;
			break;
		case 0xe2:
			if (i + 2 < len && u[i + 1] == 0x84 && u[i + 2] == 0xaa)
				return 1;
			break;
		case 0xef:
			if (u[i + 1] == 0xac)
				return 1;
			break;
		}
	}
	return 0;
}

int
search_may_contain(const struct search *s, const char *raw, size_t len)
{
	const char	*p = s->folded, *end = p + s->len;
	size_t		 n, ntok = 0;
	uint32_t	 cp;
	char		 tok[64];
	int		 cstr = raw[len] == '\0' && strlen(raw) == len;

	/*
	 * Every run of three or more ASCII letters and digits in the needle
	 * must be in the file: the article parser joins lines with spaces
	 * and turns controls into pictures, but never makes or breaks such
	 * a run.  (A character that folds to ASCII, such as the Kelvin
	 * sign, could make one: then the file is parsed.)
	 */
	if (cstr && folds_to_ascii(raw, len))
		cstr = 0;
	while (p < end) {
		for (n = 0; p + n < end && (((unsigned char)p[n] < 0x80 &&
		    ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= '0' &&
		    p[n] <= '9')))); n++)
			;
		if (n >= 3) {
			ntok++;
			if (!cstr)	/* strcasestr needs one C string */
				return 1;
			if (n >= sizeof tok)
				n = sizeof tok - 1;
			memcpy(tok, p, n);
			tok[n] = '\0';
			if (strcasestr(raw, tok) == NULL)
				return 0;
		}
		p += n > 0 ? n : 1;
	}
	if (ntok > 0)
		return 1;
	/* Else one caseless code point (CJK, Hangul): joining lines may
	 * put two together, but never splits one. */
	for (p = s->folded; p < end; p += n) {
		n = text_decode(p, (size_t)(end - p), &cp);
		if (caseless(cp))
			return memmem(raw, len, p, n) != NULL;
	}
	return 1;
}

/*
 * Whether the needle survives the article parser byte for byte wherever it
 * stands inside one line of an article's own text (front matter present,
 * so no line is dropped): printable ASCII and caseless code points only
 * (sanitising changes neither), no ideographic space, no space at either
 * end (lines are trimmed), and none of the Markdown marks the parser
 * strips (# and > at a line's start, rules made of = - * _).
 */
static int
plain(const struct search *s)
{
	const char	*p = s->folded, *end = p + s->len;
	uint32_t	 cp;
	size_t		 n;
	int		 mark = 1;

	if (s->len == 0 || p[0] == ' ' || end[-1] == ' ')
		return 0;
	for (; p < end; p += n) {
		n = text_decode(p, (size_t)(end - p), &cp);
		if (cp == '#' || cp == '>' || cp == 0x3000)
			return 0;
		if ((cp < 0x20 || cp > 0x7e) && !caseless(cp))
			return 0;
		if (cp > 0x7e || strchr("=-*_ ", (int)cp) == NULL)
			mark = 0;
	}
	return !mark;
}

int
search_in_body(const struct search *s, const char *body)
{
	return plain(s) && strcasestr(body, s->folded) != NULL;
}

