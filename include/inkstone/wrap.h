/* wrap: CJK-aware wrapping of one paragraph into display lines.
 * Lines are spans of the paragraph (byte offsets), so the reading pane, the
 * search and the highlights share one coordinate system.  No curses. */
#ifndef INKSTONE_WRAP_H
#define INKSTONE_WRAP_H

#include <stddef.h>
#include <stdint.h>

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
 * [start, next) and lines are in order, so nothing is lost.
 *
 * Lines break greedily at UAX #14 opportunities, tailored by kinsoku (see
 * wrap_no_start() and wrap_no_end()), and always at a line feed (which lies
 * in [end, next); a final line feed gives no empty line after it).  Spaces
 * (U+0020) at a break hang: they are in [end, next) and not counted.  A
 * soft hyphen (U+00AD) takes no column and is not drawn; when the line
 * breaks right after one it lies in [end, next), hyphen is 1 and width
 * counts the "-" to draw.  A short parenthesised group without spaces,
 * like the "(華為)" after a company's name, is not broken unless it is
 * wider than the line.  Widths come from text_cp_width(), so whoever
 * draws [start, end) must skip U+00AD.  A word wider than the line is
 * broken between grapheme clusters, avoiding kinsoku violations where it
 * can.  The one case where width exceeds the given width: a single
 * cluster wider than the line (a CJK character at width 1, a long emoji
 * ZWJ sequence) gets a line of its own. */
void	wrap_paragraph(const char *s, size_t len, int width,
	    struct wrap_lines *out);

/* Frees the lines' storage and empties out. */
void	wrap_lines_free(struct wrap_lines *out);

/* What wrap_breaks() says about a byte offset. */
enum {
	WRAP_NONE,	/* no line may start here */
	WRAP_ALLOW,	/* a line may start here */
	WRAP_HYPHEN,	/* a line may start here, right after a soft hyphen */
	WRAP_MUST	/* a line must start here: a line feed precedes */
};

/* The UAX #14 break opportunities of s[0..len) as libunistring finds them,
 * without kinsoku: p[i] (len bytes from the caller) is one of the values
 * above for the line starting at byte i.  p[0] and the bytes inside a
 * character are WRAP_NONE. */
void	wrap_breaks(const char *s, size_t len, char *p);

/* Grapheme cluster boundaries (UAX #29 extended clusters) of s[0..len):
 * p[i] (len bytes from the caller) is 1 where a cluster starts, else 0. */
void	wrap_clusters(const char *s, size_t len, char *p);

/* Kinsoku: 1 if no line may start with cp (closing brackets, CJK full stops
 * and commas, "!?:;", the ellipsis, small kana, the prolonged sound mark,
 * iteration marks), or end with cp (opening brackets and quotes). */
int	wrap_no_start(uint32_t cp);
int	wrap_no_end(uint32_t cp);

#endif
