/* wrap: greedy filling of one paragraph into display lines over the break
 * opportunities of breaks.c.  Widths come from text_cp_width() only. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>
#include <unilbrk.h>

#include "inkstone/text.h"
#include "inkstone/util.h"
#include "inkstone/wrap.h"

#define SOFT_HYPHEN	0x00AD

struct wrapper {
	const char		*s;
	size_t			 len;
	int			 width;
	char			*lb;	/* libunistring's line breaks, per byte */
	char			*gb;	/* cluster starts, made on first need */
	struct wrap_lines	*out;
};

/*
 * The paragraph is valid UTF-8 (text_clean() made it so), which lets this
 * decoder skip the checks of text_decode(): it runs once per code point on
 * the hot path.
 */
static size_t
decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char	*s = (const unsigned char *)str;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] < 0xE0 && len >= 2) {
		*cp = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
		return 2;
	}
	if (s[0] >= 0xE0 && s[0] < 0xF0 && len >= 3) {
		*cp = (uint32_t)(s[0] & 0x0F) << 12 |
		    (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
		return 3;
	}
	if (s[0] >= 0xF0 && len >= 4) {
		*cp = (uint32_t)(s[0] & 0x07) << 18 |
		    (uint32_t)(s[1] & 0x3F) << 12 |
		    (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
		return 4;
	}
	return text_decode(str, len, cp);
}

static int
span_cols(const char *s, size_t a, size_t b)
{
	uint32_t	cp;
	int		w = 0;

	while (a < b) {
		a += decode(s + a, b - a, &cp);
		w += text_cp_width(cp);
	}
	return w;
}

/*
 * Code points whose Grapheme_Cluster_Break is Other or Control and that
 * neither join a Hangul syllable nor follow a ZWJ into an emoji sequence:
 * between two of them there is always a cluster boundary.  This covers
 * nearly all Latin and CJK text, so that u8_grapheme_breaks() (as slow as
 * the line-break scan itself) runs only for paragraphs that need it.
 */
static int
plain_cp(uint32_t cp)
{
	if (cp < 0x300)
		return cp >= 0x20;
	if (cp < 0x3000)
		return (cp >= 0x2000 && cp <= 0x200A) ||
		    (cp >= 0x2010 && cp <= 0x2027) ||
		    (cp >= 0x2030 && cp <= 0x205E);
	if (cp <= 0x30FF)
		return cp <= 0x3029 || (cp >= 0x3030 && cp <= 0x3098) ||
		    cp >= 0x309B;
	return (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) ||
	    (cp >= 0xFF01 && cp <= 0xFF9D);
}

static const char *
clusters(struct wrapper *w)
{
	if (w->gb == NULL) {
		w->gb = xmalloc(w->len);
		wrap_clusters(w->s, w->len, w->gb);
	}
	return w->gb;
}

/* Is byte i, between code points a and b, a cluster boundary? */
static int
boundary(struct wrapper *w, size_t i, uint32_t a, uint32_t b)
{
	if (plain_cp(a) && plain_cp(b))
		return 1;
	return clusters(w)[i];
}

static void
add_line(struct wrapper *w, size_t start, size_t end, size_t next,
    int width, int hyphen)
{
	struct wrap_lines	*out = w->out;
	struct wrap_line	*l;

	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 16;
		out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
	}
	l = &out->v[out->n++];
	l->start = start;
	l->end = end;
	l->next = next;
	l->width = width;
	l->hyphen = hyphen;
}

/* The last code point in s[ls..i) that is not a space; 0 if none. */
static uint32_t
last_drawn(const char *s, size_t ls, size_t i)
{
	size_t		end = i;
	uint32_t	cp;

	while (i > ls) {
		i--;
		while (i > ls && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
		if (s[i] != ' ') {
			decode(s + i, end - i, &cp);
			return cp;
		}
		end = i;
	}
	return 0;
}

/* Where the code point that ends at byte g (g > ls) starts. */
static size_t
prev_start(const char *s, size_t ls, size_t g)
{
	do
		g--;
	while (g > ls && ((unsigned char)s[g] & 0xC0) == 0x80);
	return g;
}

/*
 * The line from ls cannot take cp, the code point at i (s[ls..i) being col
 * columns wide), and offers no break opportunity that fits: break between
 * clusters.  Takes the last cluster boundary in (ls, i], stepping back to an
 * earlier one if that would put a kinsoku character at the start or end of
 * a line, start a line with a bare space, or break after a soft hyphen with
 * no room for the "-".  Adds the line and returns where the next starts, or ls
 * if the line's first cluster reaches past i (the line then takes the whole
 * cluster, however wide).  Linear in i - ls.
 */
static size_t
emergency(struct wrapper *w, size_t ls, size_t i, uint32_t cp, int col)
{
	const char	*gb = clusters(w), *s = w->s;
	size_t		 g = i, p, first = ls, end;
	uint32_t	 pcp;
	int		 width, hyphen;

	while (g > ls) {
		p = prev_start(s, ls, g);
		decode(s + p, g - p, &pcp);
		if (gb[g] && first == ls)
			first = g;
		/* A line may start with a space only if a mark sits on it. */
		if (gb[g] && (g == i || cp != ' ' ||
		    (g + 1 < w->len && !gb[g + 1]))) {
			end = g;
			while (end > ls && s[end - 1] == ' ')
				end--;
			width = col - (int)(g - end);
			hyphen = pcp == SOFT_HYPHEN;
			if ((!hyphen || (p > ls && width + 1 <= w->width)) &&
			    !wrap_no_start(cp) &&
			    !wrap_no_end(last_drawn(s, ls, end))) {
				add_line(w, ls, hyphen ? p : end, g,
				    width + hyphen, hyphen);
				return g;
			}
		}
		col -= pcp == ' ' ? 1 : text_cp_width(pcp);
		cp = pcp;
		g = p;
	}
	if (first == ls)
		return ls;
	/* Every boundary breaks a rule: take the last. */
	end = first;
	while (end > ls && s[end - 1] == ' ')
		end--;
	add_line(w, ls, end, first, span_cols(s, ls, end), 0);
	return first;
}

#define GROUP_MAX	8	/* code points inside a group kept whole */

static int
opens(uint32_t cp)
{
	return cp == '(' || cp == 0xFF08;
}

static int
closes(uint32_t cp)
{
	return cp == ')' || cp == 0xFF09;
}

/*
 * Is byte g inside a short parenthesised group with no space in it, like
 * the "(華為)" that English news puts after a company's name?  UAX #14 lets
 * such a group break between its ideographs; the reader wants it whole.
 */
static int
in_short_group(const char *s, size_t len, size_t g)
{
	size_t		i, n;
	uint32_t	cp = 0;
	int		k;

	for (i = g, k = 0; i > 0 && k <= GROUP_MAX; k++) {
		i = prev_start(s, 0, i);
		decode(s + i, len - i, &cp);
		if (opens(cp))
			break;
		if (cp == ' ' || cp == '\n' || closes(cp))
			return 0;
	}
	if (i == g || !opens(cp) || k > GROUP_MAX)
		return 0;
	for (i = g, k = 0; i < len && k <= GROUP_MAX; k++, i += n) {
		n = decode(s + i, len - i, &cp);
		if (closes(cp))
			return 1;
		if (cp == ' ' || cp == '\n' || opens(cp))
			return 0;
	}
	return 0;
}

/*
 * The line from ls holds s[ls..i) (col columns) and cannot take cp, the
 * code point at i.  Looks back for the last break opportunity that kinsoku
 * allows, that lies between clusters and outside a short parenthesised
 * group, leaves something on the line and has room for the "-" if it
 * follows a soft hyphen.  Adds the line and returns where the next starts,
 * or ls if there is no such break.  Searching back
 * from the overflow, rather than recording every opportunity on the way,
 * keeps the kinsoku and cluster checks off the common path: one search per
 * line, usually a word long.
 */
static size_t
find_break(struct wrapper *w, size_t ls, size_t i, uint32_t cp, int col)
{
	const char	*s = w->s;
	size_t		 g = i, p, end;
	uint32_t	 pcp;
	int		 c, width, hyphen;

	while (g > ls) {
		p = prev_start(s, ls, g);
		decode(s + p, g - p, &pcp);
		c = w->lb[g];
		if ((c == UC_BREAK_POSSIBLE || c == UC_BREAK_HYPHENATION) &&
		    !wrap_no_start(cp)) {
			/* Spaces never precede an opportunity inside a run
			 * of spaces (LB7), so each run is trimmed once. */
			end = g;
			while (end > ls && s[end - 1] == ' ')
				end--;
			width = col - (int)(g - end);
			hyphen = pcp == SOFT_HYPHEN;
			if ((hyphen ? p : end) > ls &&
			    (!hyphen || width + 1 <= w->width) &&
			    !wrap_no_end(last_drawn(s, ls, end)) &&
			    boundary(w, g, pcp, cp) &&
			    !in_short_group(s, w->len, g)) {
				add_line(w, ls, hyphen ? p : end, g,
				    width + hyphen, hyphen);
				return g;
			}
		}
		col -= pcp == ' ' ? 1 : text_cp_width(pcp);
		cp = pcp;
		g = p;
	}
	return ls;
}

/*
 * The line from ls holds s[ls..i) (col columns) and cannot take cp, the
 * code point at i: break it.  Returns where the next line starts, or ls if
 * the line is one cluster so far and must take cp too.
 */
static size_t
overflow(struct wrapper *w, size_t ls, size_t i, uint32_t cp, int col)
{
	size_t g;

	if ((g = find_break(w, ls, i, cp, col)) > ls)
		return g;
	return emergency(w, ls, i, cp, col);
}

/* Fills the line that starts at ls, adds it and returns where the next
 * one starts. */
static size_t
fill_line(struct wrapper *w, size_t ls)
{
	const unsigned char	*u = (const unsigned char *)w->s;
	size_t			 i = ls, n, e = ls, g, overlong = ls;
	uint32_t		 cp;
	int			 col = 0, dcol = 0, c, cpw;

	/*
	 * col: columns of s[ls..i); dcol: of s[ls..e), e being the end of the
	 * last code point that is not a space.  Before overlong the line holds
	 * a single cluster wider than the line.
	 */
	while (i < w->len) {
		if (u[i] > 0x20 && u[i] < 0x7F) {
			/* Printable ASCII: one column, never a line break. */
			if (col >= w->width && i > ls && i >= overlong &&
			    (g = overflow(w, ls, i, u[i], col)) > ls)
				return g;
			dcol = ++col;
			e = ++i;
			continue;
		}
		if (u[i] == ' ') {
			col++;
			i++;
			continue;
		}
		if ((u[i] & 0xF0) == 0xE0 && w->len - i >= 3) {
			/* Most CJK: decoded here, not in a call. */
			cp = (uint32_t)(u[i] & 0x0F) << 12 |
			    (uint32_t)(u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F);
			n = 3;
		} else
			n = decode(w->s + i, w->len - i, &cp);
		c = w->lb[i];
		if (c == UC_BREAK_MANDATORY) {
			/* Not drawn; the line ends after it. */
			add_line(w, ls, e, i + n, dcol, 0);
			return i + n;
		}
		if (c == UC_BREAK_CR_BEFORE_LF) {
			i += n;
			continue;
		}
		cpw = text_cp_width(cp);
		/* Even a zero-width code point overflows after spaces that
		 * went past the width: it ends their hanging. */
		if (col + cpw > w->width && i > ls && i >= overlong) {
			if ((g = overflow(w, ls, i, cp, col)) > ls)
				return g;
			/* The first cluster is too wide: take it all. */
			for (overlong = i + 1; overlong < w->len &&
			    !w->gb[overlong]; overlong++)
				;
		}
		col += cpw;
		dcol = col;
		e = i + n;
		i += n;
	}
	add_line(w, ls, e, w->len, dcol, 0);
	return w->len;
}

void
wrap_paragraph(const char *s, size_t len, int width, struct wrap_lines *out)
{
	struct wrapper	w;
	size_t		ls;

	if (len == 0) {
		w.out = out;
		add_line(&w, 0, 0, 0, 0, 0);
		return;
	}
	w.s = s;
	w.len = len;
	w.width = width < 1 ? 1 : width;
	w.lb = xmalloc(len);
	w.gb = NULL;
	w.out = out;
	u8_possible_linebreaks((const uint8_t *)s, len, "UTF-8", w.lb);
	for (ls = 0; ls < len; )
		ls = fill_line(&w, ls);
	free(w.lb);
	free(w.gb);
}

void
wrap_lines_free(struct wrap_lines *out)
{
	free(out->v);
	out->v = NULL;
	out->n = 0;
	out->cap = 0;
}
