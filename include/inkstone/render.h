/* render: an article laid out as display lines at a width: the title, the
 * metadata line, the publisher's highlights and the wrapped body.  The
 * reading pane draws these lines and `inkstone dump` prints them, so the
 * two always agree.  No curses. */
#ifndef INKSTONE_RENDER_H
#define INKSTONE_RENDER_H

#include <stddef.h>

#include "inkstone/article.h"

enum render_kind {
	RENDER_TITLE,		/* the headline */
	RENDER_META,		/* source · date · tags */
	RENDER_HIGHLIGHT,	/* one of the publisher's highlights */
	RENDER_BODY,		/* a body paragraph */
	RENDER_BLANK		/* the blank line between blocks */
};

struct render_line {
	enum render_kind	 kind;
	size_t			 para;	 /* BODY: index into article->paras;
					    HIGHLIGHT: into ->highlights */
	const char		*text;	 /* the source string (not owned) */
	size_t			 start;	 /* byte span of text drawn */
	size_t			 end;
	int			 hyphen; /* draw "-" after the span */
	const char		*prefix; /* drawn before the span ("" or
					    "• " / "  " for highlights) */
	int			 width;	 /* columns of prefix + span + hyphen */
};

struct render {
	struct render_line	*v;
	size_t			 n;
	int			 width;
	char			*meta;	/* the metadata line's text (owned) */
};

/* Lays out a at width columns (width >= 1; prefixes are dropped when the
 * width is too small for them).  The article must outlive the result. */
struct render	*render_article(const struct article *a, int width);
void		 render_free(struct render *r);

/* The index of the line holding byte off of body paragraph para (the
 * first line of the paragraph if off is past its end). */
size_t		 render_find(const struct render *r, size_t para, size_t off);

#endif
