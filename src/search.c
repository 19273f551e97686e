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
	int	 ascii;		/* folded holds ASCII alone */
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
	size_t		 i;

	fold(needle, strlen(needle), &f);
	if (f.b.len == 0) {
		folded_free(&f);
		return NULL;
	}
	s = xmalloc(sizeof *s);
	s->folded = buf_take(&f.b, &s->len);
	s->ascii = 1;
	for (i = 0; i < s->len; i++)
		if ((unsigned char)s->folded[i] >= 0x80)
			s->ascii = 0;
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

static int folds_to_ascii(const char *, size_t);

/* The first place in hay[0..len) where the lower-case ASCII needle
 * stands in any case, or NULL.  Candidates come from memchr of the first
 * byte in both its cases. */
static const char *
ascii_casemem(const char *hay, size_t len, const char *needle, size_t n)
{
	const char	*end = hay + len, *lo, *up, *p;
	char		 c = needle[0], uc;
	size_t		 i;

	if (n == 0 || n > len)
		return n == 0 ? hay : NULL;
	uc = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
	lo = memchr(hay, c, len - n + 1);
	up = uc != c ? memchr(hay, uc, len - n + 1) : NULL;
	while (lo != NULL || up != NULL) {
		p = lo == NULL ? up : up == NULL || lo < up ? lo : up;
		for (i = 1; i < n; i++) {
			char h = p[i];
			if (h >= 'A' && h <= 'Z')
				h = (char)(h + 32);
			if (h != needle[i])
				break;
		}
		if (i == n)
			return p;
		if (p == lo)
			lo = memchr(p + 1, c, (size_t)(end - n + 1 - (p + 1)));
		else
			up = memchr(p + 1, uc, (size_t)(end - n + 1 - (p + 1)));
	}
	return NULL;
}

int
search_contains(const struct search *s, const char *text, size_t len)
{
	struct search_spans	sp = { 0 };
	int			r;

	/* An ASCII needle in text where nothing non-ASCII folds to ASCII:
	 * the folded match is an ASCII caseless one, with no copy made. */
	if (s != NULL && s->ascii && !folds_to_ascii(text, len))
		return ascii_casemem(text, len, s->folded, s->len) != NULL;
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
	uint64_t		 w;
	size_t			 i;

	for (i = 0; i + 1 < len; i++) {
		/* Eight ASCII bytes at a time: none of them can start one
		 * (and a byte after them is left for the switch to read). */
		while (i + 9 < len) {
			memcpy(&w, u + i, 8);
			if ((w & 0x8080808080808080ull) != 0)
				break;
			i += 8;
		}
		if (u[i] < 0xc3)
			continue;
		/* A whole CJK or Hangul character (lead E3..EE, none of
		 * which starts one of the above) in one step. */
		if (u[i] >= 0xe3 && u[i] <= 0xee && i + 2 < len &&
		    (u[i + 1] & 0xc0) == 0x80 && (u[i + 2] & 0xc0) == 0x80) {
			i += 2;
			continue;
		}
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
	int		 folds;

	/*
	 * Every run of three or more ASCII letters and digits in the needle
	 * must be in the file: the article parser joins lines with spaces
	 * and turns controls into pictures, but never makes or breaks such
	 * a run.  (A character that folds to ASCII, such as the Kelvin
	 * sign, could make one: then the file is parsed.)
	 */
	folds = folds_to_ascii(raw, len);
	while (p < end) {
		for (n = 0; p + n < end && (((unsigned char)p[n] < 0x80 &&
		    ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= '0' &&
		    p[n] <= '9')))); n++)
			;
		if (n >= 3) {
			ntok++;
			if (folds)
				return 1;
			if (ascii_casemem(raw, len, p, n) == NULL)
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

