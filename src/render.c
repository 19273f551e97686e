/* render: an article as display lines at a width. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/render.h"
#include "inkstone/text.h"
#include "inkstone/util.h"
#include "inkstone/wrap.h"

#define BULLET		"\xe2\x80\xa2 "		/* "• " */
#define BULLET_INDENT	"  "
#define BULLET_WIDTH	2

static struct render_line *
add_line(struct render *r, size_t *cap)
{
	if (r->n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		r->v = xreallocarray(r->v, *cap, sizeof *r->v);
	}
	memset(&r->v[r->n], 0, sizeof r->v[r->n]);
	return &r->v[r->n++];
}

static void
add_blank(struct render *r, size_t *cap)
{
	struct render_line *l = add_line(r, cap);

	l->kind = RENDER_BLANK;
	l->text = "";
	l->prefix = "";
}

/* Wraps text into lines of the given kind, each after a prefix: first on
 * the first line, rest on the others. */
static void
add_wrapped(struct render *r, size_t *cap, enum render_kind kind,
    size_t para, const char *text, const char *first, const char *rest,
    int pwidth)
{
	struct wrap_lines	 w = { 0 };
	struct render_line	*l;
	size_t			 i;

	/* Too narrow for a prefix and a wide character: drop the prefix. */
	if (r->width - pwidth < 2) {
		first = rest = "";
		pwidth = 0;
	}
	wrap_paragraph(text, strlen(text), r->width - pwidth, &w);
	for (i = 0; i < w.n; i++) {
		l = add_line(r, cap);
		l->kind = kind;
		l->para = para;
		l->text = text;
		l->start = w.v[i].start;
		l->end = w.v[i].end;
		l->hyphen = w.v[i].hyphen;
		l->prefix = i == 0 ? first : rest;
		l->width = pwidth + w.v[i].width;
	}
	wrap_lines_free(&w);
}

static char *
meta_line(const struct article *a)
{
	struct buf	 b = { 0 };
	const char	*sep = "";
	size_t		 i;

	buf_add(&b, "", 0);
	if (a->source != NULL && *a->source != '\0') {
		buf_adds(&b, a->source);
		sep = " \xc2\xb7 ";	/* " · " */
	}
	if (a->date_iso[0] != '\0' || (a->date != NULL && *a->date != '\0')) {
		buf_adds(&b, sep);
		buf_adds(&b, a->date_iso[0] != '\0' ? a->date_iso : a->date);
		sep = " \xc2\xb7 ";
	}
	for (i = 0; i < a->ntags; i++) {
		buf_adds(&b, i == 0 ? sep : ", ");
		buf_adds(&b, a->tags[i]);
	}
	return buf_take(&b, NULL);
}

struct render *
render_article(const struct article *a, int width)
{
	struct render	*r;
	size_t		 cap = 0, i;

	r = xcalloc(1, sizeof *r);
	r->width = width < 1 ? 1 : width;
	r->meta = meta_line(a);
	add_wrapped(r, &cap, RENDER_TITLE, 0, a->title, "", "", 0);
	if (*r->meta != '\0')
		add_wrapped(r, &cap, RENDER_META, 0, r->meta, "", "", 0);
	if (a->nhighlights > 0) {
		add_blank(r, &cap);
		for (i = 0; i < a->nhighlights; i++)
			add_wrapped(r, &cap, RENDER_HIGHLIGHT, i,
			    a->highlights[i], BULLET, BULLET_INDENT,
			    BULLET_WIDTH);
	}
	r->npara = a->npara;
	r->first = xcalloc(a->npara + 1, sizeof *r->first);
	for (i = 0; i < a->npara; i++) {
		add_blank(r, &cap);
		r->first[i] = r->n;
		add_wrapped(r, &cap, RENDER_BODY, i, a->paras[i].text, "",
		    "", 0);
	}
	r->first[a->npara] = r->n;
	return r;
}

void
render_free(struct render *r)
{
	if (r == NULL)
		return;
	free(r->v);
	free(r->first);
	free(r->meta);
	free(r);
}

size_t
render_find(const struct render *r, size_t para, size_t off)
{
	size_t lo, hi, mid;

	if (para >= r->npara)
		return r->n;
	/* Bisect the paragraph's lines for the last one starting at or
	 * before off. */
	lo = r->first[para];
	hi = r->first[para + 1];
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (r->v[mid].kind == RENDER_BODY && r->v[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void
render_line_text(const struct render_line *l, struct buf *out)
{
	size_t	 i, j;

	buf_adds(out, l->prefix);
	for (i = j = l->start; j < l->end; j++) {
		/* U+00AD is C2 AD in UTF-8; C2 is never a continuation byte. */
		if ((unsigned char)l->text[j] == 0xC2 && j + 1 < l->end &&
		    (unsigned char)l->text[j + 1] == 0xAD) {
			buf_add(out, l->text + i, j - i);
			i = j + 2;
			j++;
		}
	}
	buf_add(out, l->text + i, l->end - i);
	if (l->hyphen)
		buf_addc(out, '-');
}
