/* render: an article laid out as display lines at a width: the title, the
 * metadata line, the publisher's highlights and the wrapped body.  The
 * reading pane draws these lines and `inkstone dump` prints them, so the
 * two always agree.  No curses. */
#ifndef INKSTONE_RENDER_H
#define INKSTONE_RENDER_H

#include <stddef.h>

#include "inkstone/article.h"
#include "inkstone/util.h"

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
	size_t			*first;	/* first[i]: index of paragraph i's
					   first line; first[npara] = n */
	size_t			 npara;
};

/* Lays out a at width columns (width >= 1; prefixes are dropped when the
 * width is too small for them).  The article must outlive the result. */
struct render	*render_article(const struct article *a, int width);
void		 render_free(struct render *r);

/* The index of the line holding byte off of body paragraph para (the
 * paragraph's last line if off is past its end; r->n if para is past the
 * last paragraph). */
size_t		 render_find(const struct render *r, size_t para, size_t off);

/* Appends what line l shows, as plain UTF-8: its prefix, its span without
 * soft hyphens, and "-" if it breaks at one. */
void		 render_line_text(const struct render_line *l, struct buf *out);

#endif
