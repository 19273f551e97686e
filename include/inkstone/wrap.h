/* wrap: CJK-aware wrapping of one paragraph into display lines.
 * Lines are spans of the paragraph (byte offsets), so the reading pane, the
 * search and the highlights share one coordinate system.  No curses. */
#ifndef INKSTONE_WRAP_H
#define INKSTONE_WRAP_H

#include <stddef.h>

struct wrap_line {
	size_t	start;	/* first byte drawn */
	size_t	end;	/* one past the last byte drawn; hanging spaces and a
			   soft hyphen at the break are not inside */
	size_t	next;	/* where the next line starts (end plus hanging
			   spaces, a soft hyphen or a newline) */
	int	width;	/* display columns of [start, end), plus 1 if hyphen */
	int	hyphen;	/* 1: the line breaks at a soft hyphen; draw "-" */
};

struct wrap_lines {
	struct wrap_line	*v;
	size_t			 n;
	size_t			 cap;
};

/* Wraps the valid, sanitised UTF-8 paragraph s[0..len) to at most width
 * columns (width >= 1) and appends its lines to out.  An empty paragraph
 * gives one empty line.  Every byte of s lies in exactly one line's
 * [start, next) and lines are in order, so nothing is lost. */
void	wrap_paragraph(const char *s, size_t len, int width,
	    struct wrap_lines *out);

/* Frees the lines' storage and empties out. */
void	wrap_lines_free(struct wrap_lines *out);

#endif
