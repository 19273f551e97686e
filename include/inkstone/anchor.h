/* anchor: finding a highlight again in an article's paragraphs, the way web
 * annotation systems anchor a quote: the quoted text, a little context
 * before and after, and the last known position as a hint.  Positions are
 * byte offsets into paragraphs, so they do not depend on the wrap width.
 * Pure functions; no curses. */
#ifndef INKSTONE_ANCHOR_H
#define INKSTONE_ANCHOR_H

#include <stddef.h>

#include "inkstone/article.h"

enum anchor_how {
	ANCHOR_ORPHANED,	/* not found: show it apart, never drop it */
	ANCHOR_EXACT,		/* the quote at the hint */
	ANCHOR_CONTEXT,		/* the quote elsewhere, best context wins */
	ANCHOR_SPACES,		/* the quote with different white space */
	ANCHOR_FUZZY		/* an approximate match of the quote */
};

struct anchor_match {
	enum anchor_how	 how;
	size_t		 para;	/* paragraph index */
	size_t		 start;	/* byte offsets in that paragraph */
	size_t		 end;
};

/* Finds quote (with before/after context, either may be "") in paras,
 * trying the hint (para_hint, off_hint) first.  Fills *m; returns 0 when
 * found, -1 when orphaned (m->how == ANCHOR_ORPHANED). */
int	anchor_find(const struct article_para *paras, size_t npara,
	    const char *quote, const char *before, const char *after,
	    size_t para_hint, size_t off_hint, struct anchor_match *m);

/* Builds the anchor of bytes [start, end) of paragraph p: the quote and up
 * to ctx bytes each side, cut at UTF-8 character boundaries.  The three
 * strings are newly allocated; the caller frees them.  Returns 0, or -1
 * when the span is empty or out of range. */
int	anchor_make(const struct article_para *p, size_t start, size_t end,
	    size_t ctx, char **quote, char **before, char **after);

#endif
