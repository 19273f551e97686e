/* selection: a passage of an article's body chosen from the keyboard, as
 * visual mode grows and shrinks it by words, sentences, paragraphs (and,
 * from the UI, display lines).  Positions are byte offsets into the body
 * paragraphs, so the arithmetic is the same at every width.  No curses.
 *
 * A selection runs from start to end (start before end, never empty) and
 * one of the two is the end that moves.  A forward step moves it to the
 * next unit boundary after it, a backward step to the one before it: with
 * the end moving, forward extends and backward shrinks; with the start
 * moving (selection_swap), backward extends and forward shrinks.  It never
 * shrinks past its last unit. */
#ifndef INKSTONE_SELECTION_H
#define INKSTONE_SELECTION_H

#include <stddef.h>

#include "inkstone/article.h"

struct selection_pos {
	size_t	para;
	size_t	off;
};

/* A unit: [a, b) with a before b. */
struct selection_span {
	struct selection_pos	a;
	struct selection_pos	b;
};

struct selection {
	struct selection_pos	start;
	struct selection_pos	end;
	int			moving_start;	/* 0: the end moves */
};

enum selection_unit {
	SELECTION_WORD,		/* UAX #29 words holding a letter or digit;
				   each CJK ideograph is one */
	SELECTION_SENTENCE,	/* up to . ! ? before a space or the end, or
				   up to 。！？, closing quotes included */
	SELECTION_PARAGRAPH	/* a body paragraph */
};

/* -1, 0 or 1 as a is before, at or after b. */
int	selection_cmp(struct selection_pos a, struct selection_pos b);

/* The units of kind u in paragraphs [from, to] of paras, in order.  *out
 * is allocated (the caller frees it).  Returns the count. */
size_t	selection_units(const struct article_para *paras, size_t npara,
	    size_t from, size_t to, enum selection_unit u,
	    struct selection_span **out);

/* Starts a selection on the first word ending after off in paragraph para
 * (or in a later paragraph), with its end moving.  Returns 0, or -1 when
 * no word follows. */
int	selection_begin(struct selection *s, const struct article_para *paras,
	    size_t npara, size_t para, size_t off);

/* Moves the moving end one unit of kind u forward (dir > 0) or backward,
 * over any paragraphs that hold no such unit (a "* * *" rule has no word,
 * a blank paragraph nothing).  Returns 1 if the selection changed, 0 if
 * there was no boundary to go to (the edge of the body, or a shrink past
 * the last unit).  The cost is that of the paragraphs it looks at: the
 * selection's, one either side, and those it steps over. */
int	selection_step(struct selection *s, const struct article_para *paras,
	    size_t npara, enum selection_unit u, int dir);

/* The same over units the caller gives (v[0..n), in order): display lines,
 * say. */
int	selection_step_spans(struct selection *s,
	    const struct selection_span *v, size_t n, int dir);

/* Makes the other end the moving one. */
void	selection_swap(struct selection *s);

/* The part of the selection in paragraph para: 1 with [*start, *end) set,
 * or 0 when the selection does not reach it. */
int	selection_in_para(const struct selection *s,
	    const struct article_para *paras, size_t npara, size_t para,
	    size_t *start, size_t *end);

#endif
