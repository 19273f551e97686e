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
 * columns (below 1 counts as 1) and appends its lines to out.  An empty
 * paragraph gives one empty line.  Every byte of s lies in exactly one
 * line's [start, next) and lines are in order, so nothing is lost.  Time
 * is linear in len; one allocation of len bytes (two for text that needs
 * grapheme clusters looked up).
 *
 * - Lines are filled greedily up to UAX #14 break opportunities, tailored
 *   by kinsoku (wrap_no_start(), wrap_no_end(): also after spaces, where
 *   UAX #14 alone allows a line to start with "…" or a small kana).
 * - A line feed always ends a line and lies in its [end, next); a final
 *   line feed gives no empty line after it.
 * - Spaces (U+0020) at a break hang: in [end, next), not counted.  Spaces
 *   at the start of the paragraph are drawn (indentation).
 * - A soft hyphen (U+00AD) is 0 columns wide (text_cp_width() says so) and
 *   whoever draws [start, end) skips it.  Where a line breaks right after
 *   one, it lies in [end, next), hyphen is 1 and width counts the "-".
 * - A short parenthesised group without spaces, such as the "(華為)" after
 *   a company's name, is not broken unless it is wider than the line.
 * - A word wider than the line is broken between grapheme clusters,
 *   avoiding kinsoku violations where some boundary allows.
 * - The only line wider than width: a single cluster wider than the line
 *   (a CJK character at width 1, a long emoji ZWJ sequence) gets a line of
 *   its own. */
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
