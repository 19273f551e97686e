/* rawtext: an article out of text saved from a web page.  The blocks are
 * split into three zones by where the article's own prose starts and ends
 * (the first and last "paragraph": a long, sentence-ended block):
 *
 *   head  the headline, dateline, byline, highlights and the page chrome
 *         above the article (logo, navigation, prompts);
 *   body  the article, where only lines that are chrome by form or by a
 *         call to action are dropped and a "related" header starts a
 *         trail of teasers that runs to the next paragraph;
 *   tail  after the last paragraph: comments, related trails, the end
 *         marker; short unpunctuated lines here are page furniture.
 *
 * Each block gets one label; nothing is dropped that a rule did not name. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/util.h"
#include "article_int.h"

/* The head zone ends at the first paragraph, and never later than this
 * many blocks (a file of short lines has no paragraph at all). */
#define HEAD_MAX	40
#define HEAD_NOPARA	12
#define NONE		SIZE_MAX

enum label { L_BODY, L_DROP, L_TITLE, L_HIGHLIGHT, L_RELATED };
enum mode { M_NORMAL, M_RELATED, M_COMMENTS };

struct line {
	struct article_block	*b;
	struct article_feat	 f;
	enum label		 label;
	size_t			 skip;	/* bytes before the kept text */
};

static int
same(const struct line *x, const struct line *y)
{
	return x->b->len == y->b->len &&
	    memcmp(x->b->text, y->b->text, x->b->len) == 0;
}

/* Page chrome by form or by a call to action.  Lines addressing the
 * reader ("You've reached the end") count only outside the body, where a
 * short subheading might say "you". */
static int
chrome(const struct line *l, int outside)
{
	const char			*s = l->b->text;
	size_t				 len = l->b->len;
	const struct article_feat	*f = &l->f;

	return article_is_hashtags(s, len) || article_time_line(s, len) ||
	    article_is_cta(s, len, f) || article_is_comments(s, len, f) ||
	    article_is_share(s, len, f) || article_is_ad(s, len, f) ||
	    article_is_label(s, len, f) || article_is_breadcrumb(s, len) ||
	    (outside && article_is_you(s, len, f));
}

/* Whether a line is something other than a possible headline: by form
 * only (printed twice, a line is a headline whatever its words), or also
 * by the vocabulary of chrome. */
static int
claimed(const struct line *l, int form_only)
{
	const char	*s = l->b->text;
	size_t		 len = l->b->len;
	char		 iso[17], *au, *so;
	int		 r;

	if (l->f.bullet || article_is_hl_header(s, len, &l->f) ||
	    article_date_line(s, len, iso) || article_is_hashtags(s, len) ||
	    article_time_line(s, len) || article_is_breadcrumb(s, len) ||
	    (!form_only && chrome(l, 1)))
		return 1;
	r = article_source(l->b->text, l->b->len, &l->f, 1, &au, &so);
	free(au);
	free(so);
	return r;
}

static int
ends_colon(const struct line *l)
{
	const char	*s = l->b->text;
	size_t		 n = l->b->len;

	return (n >= 1 && s[n - 1] == ':') ||
	    (n >= 3 && memcmp(s + n - 3, "\xEF\xBC\x9A", 3) == 0);
}

/* The publisher named by a byline or a "Source:" line anywhere, or NULL:
 * a line that names it on its own is the site's name, not a headline. */
static char *
find_publisher(struct line *L, size_t n, size_t head)
{
	char	*au, *so;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (!article_source(L[i].b->text, L[i].b->len, &L[i].f, i < head,
		    &au, &so))
			continue;
		free(au);
		if (so != NULL)
			return so;
	}
	return NULL;
}

static int
names_publisher(const struct line *l, const char *pub)
{
	char	*s;
	int	 r;

	if (pub == NULL)
		return 0;
	s = xstrndup(l->b->text, l->b->len);
	r = strcasestr(s, pub) != NULL || strcasestr(pub, s) != NULL;
	free(s);
	return r;
}

/* The headline: a line printed twice (the page's title and its heading),
 * else a Markdown heading, else the first line long enough to be a
 * headline that is not shouting (logos are often in capitals) and does
 * not name the publisher. */
static size_t
find_title(struct line *L, size_t n, size_t head)
{
	size_t	 i, j;
	char	*pub;

	for (i = 0; i < head; i++) {
		if (L[i].f.units < 2 || claimed(&L[i], 1))
			continue;
		for (j = i + 1; j < head; j++)
			if (same(&L[i], &L[j]))
				return i;
	}
	for (i = 0; i < head; i++)
		if (L[i].b->heading && !claimed(&L[i], 0))
			return i;
	pub = find_publisher(L, n, head);
	for (i = 0; i < head; i++) {
		if (L[i].f.units < 4 || L[i].f.units > 40 || L[i].f.upper ||
		    ends_colon(&L[i]) || claimed(&L[i], 0) ||
		    names_publisher(&L[i], pub))
			continue;
		if (L[i].f.sentend && L[i].b->text[L[i].b->len - 1] == '.')
			continue;
		break;
	}
	free(pub);
	return i < head ? i : NONE;
}

/* A header naming key points followed by bullets, or (bare) a bullet
 * list above the first paragraph: the publisher's highlights.  A file with
 * no paragraph has no "above", and its lists are its own. */
static int
take_highlights(struct line *L, size_t n, size_t i, int bare, int *have)
{
	size_t	 j;

	if (*have)
		return 0;
	if (article_is_hl_header(L[i].b->text, L[i].b->len, &L[i].f) &&
	    i + 1 < n && L[i + 1].f.bullet) {
		L[i].label = L_DROP;
		i++;
	} else if (!L[i].f.bullet || !bare)
		return 0;
	for (j = i; j < n && L[j].f.bullet; j++) {
		L[j].label = L_HIGHLIGHT;
		L[j].skip = L[j].f.bullet;
	}
	*have = 1;
	return 1;
}

static void
take_date(struct article *a, const struct line *l, const char *iso)
{
	if (a->date != NULL)
		return;
	a->date = xstrndup(l->b->text, l->b->len);
	if (a->date_iso[0] == '\0')
		memcpy(a->date_iso, iso, 17);
}

static int
take_source(struct article *a, const struct line *l, int byline)
{
	char	*au, *so;

	if (!article_source(l->b->text, l->b->len, &l->f, byline, &au, &so))
		return 0;
	if (a->author == NULL)
		a->author = au, au = NULL;
	if (a->source == NULL)
		a->source = so, so = NULL;
	free(au);
	free(so);
	return 1;
}

static void
label_head(struct article *a, struct line *L, size_t n, size_t head,
    size_t title, int bare, int *have_hl)
{
	struct line	*l;
	char		 iso[17];
	size_t		 i;

	for (i = 0; i < head; i++) {
		l = &L[i];
		if (l->label != L_BODY)
			continue;
		if (take_highlights(L, n, i, bare, have_hl))
			continue;
		l->label = L_DROP;
		if (i == title)
			l->label = L_TITLE;
		else if (article_date_line(l->b->text, l->b->len, iso))
			take_date(a, l, iso);
		else if (take_source(a, l, 1) || chrome(l, 1))
			;
		else if (title != NONE && (i < title || same(l, &L[title])))
			;	/* logo, navigation, the repeated headline */
		else if (!l->f.sentend && !l->f.bullet && !l->b->heading &&
		    l->f.units <= (title != NONE ? 2u : 3u))
			;	/* section names, "Listen", "Share" */
		else
			l->label = L_BODY;
	}
}

static void
label_body(struct article *a, struct line *L, size_t n, size_t head,
    size_t last, size_t title, int *have_hl)
{
	struct line	*l;
	enum mode	 mode = M_NORMAL;
	char		 iso[17];
	size_t		 i, k, npara = 0, seen = 0;
	int		 tail;

	for (i = 0; i < n; i++)
		npara += L[i].f.para;
	for (i = head; i < n; i++) {
		l = &L[i];
		tail = last != NONE && i > last;
		seen += l->f.para;
		if (l->label != L_BODY)
			continue;
		if (article_is_hl_header(l->b->text, l->b->len, &l->f) &&
		    take_highlights(L, n, i, 0, have_hl))
			continue;
		l->label = L_DROP;
		if (article_is_related(l->b->text, l->b->len, &l->f)) {
			mode = M_RELATED;
			continue;
		}
		if ((k = article_is_related_inline(l->b->text, l->b->len))) {
			l->label = L_RELATED;
			l->skip = k;
			continue;
		}
		/* Readers' comments are prose too, so the section they fill
		 * may hold the last paragraphs; a comment count in the first
		 * half is a button among the article's paragraphs. */
		if (article_is_comments(l->b->text, l->b->len, &l->f)) {
			if (tail || (seen > 0 && seen * 2 >= npara))
				mode = M_COMMENTS;
			continue;
		}
		if (article_date_line(l->b->text, l->b->len, iso)) {
			take_date(a, l, iso);
			continue;
		}
		if (take_source(a, l, 0) || chrome(l, tail || mode !=
		    M_NORMAL))
			continue;
		if (title != NONE && same(l, &L[title]) && !l->f.para)
			continue;
		if (mode == M_RELATED) {
			if (l->f.para) {
				mode = M_NORMAL;
				l->label = L_BODY;
			} else if (l->f.units >= 4)
				l->label = L_RELATED;
		} else if (mode == M_NORMAL)
			l->label = L_BODY;
	}
	/* The end of the page: "Back to top", the site's name, a footer. */
	for (i = last == NONE ? n : last + 1; i < n; i++)
		if (L[i].label == L_BODY && !L[i].f.sentend &&
		    L[i].f.units < 8 && !L[i].b->heading && !L[i].f.bullet)
			L[i].label = L_DROP;
}

void
article_raw(struct article *a, struct article_block *v, size_t n)
{
	struct line	*L;
	size_t		 i, first = NONE, last = NONE, head, title;
	int		 have_hl = a->nhighlights > 0;

	L = xcalloc(n, sizeof *L);
	for (i = 0; i < n; i++) {
		L[i].b = &v[i];
		article_feat(v[i].text, v[i].len, &L[i].f);
		if (L[i].f.para) {
			if (first == NONE)
				first = i;
			last = i;
		}
	}
	if (first == NONE)
		head = n < HEAD_NOPARA ? n : HEAD_NOPARA;
	else
		head = first < HEAD_MAX ? first : HEAD_MAX;
	title = a->title == NULL ? find_title(L, n, head) : NONE;
	label_head(a, L, n, head, title, first != NONE, &have_hl);
	label_body(a, L, n, head, last, title, &have_hl);

	/* The chrome rules can claim every line of a short note ("Hello
	 * world") or of a file of combining marks alone; an article is never
	 * shown as nothing, so then the dropped lines are its body. */
	for (i = 0; i < n && L[i].label != L_BODY; i++)
		;
	if (i == n)
		for (i = 0; i < n; i++)
			if (L[i].label == L_DROP)
				L[i].label = L_BODY;

	a->paras = xreallocarray(NULL, n, sizeof *a->paras);
	for (i = 0; i < n; i++) {
		switch (L[i].label) {
		case L_TITLE:
			a->title = v[i].text;
			v[i].text = NULL;
			break;
		case L_HIGHLIGHT:
			article_add(&a->highlights, &a->nhighlights,
			    v[i].text + L[i].skip, v[i].len - L[i].skip);
			break;
		case L_RELATED:
			article_add(&a->related, &a->nrelated,
			    v[i].text + L[i].skip, v[i].len - L[i].skip);
			break;
		case L_BODY:
			a->paras[a->npara].text = v[i].text;
			a->paras[a->npara++].len = v[i].len;
			v[i].text = NULL;
			break;
		case L_DROP:
			break;
		}
		free(v[i].text);
		v[i].text = NULL;
	}
	free(L);
}
