/* draw: putting text into a pane without ever passing its edge, and the
 * colour slots. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "pane.h"
#include "inkstone/text.h"
#include "inkstone/util.h"

struct slot_style {
	short	fg, bg;		/* -1: the terminal's default */
	attr_t	colour_attr;	/* added when colours are on */
	attr_t	mono;		/* used on a monochrome terminal */
};

static const struct slot_style styles[SLOT_COUNT] = {
	[SLOT_NORMAL] =		{ -1, -1, 0, 0 },
	[SLOT_HEADER] =		{ COLOR_WHITE, COLOR_BLUE, 0, A_UNDERLINE },
	[SLOT_HEADER_FOCUS] =	{ COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD },
	[SLOT_STATUS] =		{ COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE },
	[SLOT_ERROR] =		{ COLOR_RED, -1, A_BOLD, A_BOLD },
	[SLOT_TITLE] =		{ -1, -1, A_BOLD, A_BOLD },
	[SLOT_META] =		{ COLOR_CYAN, -1, 0, A_DIM },
	[SLOT_SELECT] =		{ COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
	[SLOT_UNREAD] =		{ COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[SLOT_MATCH] =		{ COLOR_BLACK, COLOR_YELLOW, 0, A_REVERSE },
	[SLOT_MATCH_CUR] =	{ COLOR_BLACK, COLOR_GREEN, A_BOLD, A_REVERSE | A_BOLD },
	[SLOT_MARK] =		{ COLOR_BLACK, COLOR_MAGENTA, 0, A_REVERSE | A_UNDERLINE },
	[SLOT_HIGHLIGHT] =	{ -1, -1, A_UNDERLINE, A_UNDERLINE },
	[SLOT_SEPARATOR] =	{ COLOR_BLUE, -1, 0, 0 },
	[SLOT_DIM] =		{ -1, -1, A_DIM, A_DIM },
	[SLOT_ENT_PERSON] =	{ COLOR_GREEN, -1, 0, A_BOLD },
	[SLOT_ENT_ORG] =	{ COLOR_CYAN, -1, 0, A_BOLD },
	[SLOT_ENT_PLACE] =	{ COLOR_MAGENTA, -1, 0, A_BOLD },
	[SLOT_ENT_MONEY] =	{ COLOR_YELLOW, -1, 0, A_BOLD },
	[SLOT_ENT_DATE] =	{ COLOR_BLUE, -1, 0, A_BOLD },
	[SLOT_ENT_OTHER] =	{ COLOR_RED, -1, 0, A_BOLD },
};

static int	have_colour;

void
draw_init_colours(struct ui *ui)
{
	const char	*nc = getenv("NO_COLOR");
	int		 i;

	have_colour = 0;
	ui->colours = 0;
	if ((nc != NULL && *nc != '\0') || !has_colors())
		return;
	if (start_color() == ERR)
		return;
	use_default_colors();
	for (i = 1; i < SLOT_COUNT; i++)
		if (init_pair((short)i, styles[i].fg, styles[i].bg) == ERR)
			return;
	have_colour = 1;
	ui->colours = COLORS;
}

attr_t
draw_attr(enum slot s, short *pair)
{
	if (!have_colour || s == SLOT_NORMAL) {
		*pair = 0;
		return have_colour ? 0 : styles[s].mono;
	}
	*pair = (short)s;
	return styles[s].colour_attr;
}

void
draw_set(WINDOW *w, enum slot s)
{
	short	pair;
	attr_t	a = draw_attr(s, &pair);

	wattr_set(w, a, pair, NULL);
}

/* Sanitised text has no controls left, but file names and messages are not
 * always sanitised: anything that could move the cursor is shown as '?'. */
static uint32_t
safe(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return '?';
	return cp;
}

int
draw_width(const char *s, size_t len)
{
	size_t		i = 0;
	uint32_t	cp;
	int		w = 0;

	while (i < len) {
		i += text_decode(s + i, len - i, &cp);
		w += text_cp_width(safe(cp));
	}
	return w;
}

/*
 * Draws s[0..len) from (y, x), never past column x + maxw.  A character
 * that does not fit whole is replaced by spaces up to the edge, and
 * zero-width characters ride on the cell before them.  Returns the columns
 * used.
 */
int
draw_text(WINDOW *win, int y, int x, int maxw, const char *s, size_t len,
    enum slot sl)
{
	cchar_t		 cc;
	wchar_t		 cell[CCHARW_MAX + 1];
	size_t		 i = 0, n;
	uint32_t	 cp;
	attr_t		 a;
	short		 pair;
	int		 used = 0, cw, nc = 0, cellw = 0;

	if (maxw <= 0)
		return 0;
	a = draw_attr(sl, &pair);
	while (i <= len) {
		if (i < len) {
			n = text_decode(s + i, len - i, &cp);
			cp = safe(cp);
			cw = text_cp_width(cp);
		} else {
			n = 1;
			cp = 0;
			cw = 1;
		}
		if (cw == 0 && nc > 0 && i < len) {
			if (nc < CCHARW_MAX)
				cell[nc++] = (wchar_t)cp;
			i += n;
			continue;
		}
		if (cw == 0 && i < len) {
			i += n;	/* nothing to ride on: dropped */
			continue;
		}
		if (nc > 0) {
			cell[nc] = L'\0';
			setcchar(&cc, cell, a, pair, NULL);
			mvwadd_wch(win, y, x + used, &cc);
			used += cellw;
			nc = 0;
		}
		if (i >= len)
			break;
		if (used + cw > maxw) {
			draw_fill(win, y, x + used, maxw - used, sl);
			return maxw;
		}
		cell[nc++] = (wchar_t)cp;
		cellw = cw;
		i += n;
	}
	return used;
}

void
draw_fill(WINDOW *win, int y, int x, int w, enum slot sl)
{
	short	pair;
	attr_t	a = draw_attr(sl, &pair);
	cchar_t	cc;
	int	i;

	setcchar(&cc, L" ", a, pair, NULL);
	for (i = 0; i < w; i++)
		mvwadd_wch(win, y, x + i, &cc);
}

void
draw_header(struct ui *ui, struct pane *p, const char *fmt, ...)
{
	va_list		 ap;
	char		*s;
	enum slot	 sl;
	int		 focused = ui->focus == (int)(p - ui->pane);

	sl = focused ? SLOT_HEADER_FOCUS : SLOT_HEADER;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	draw_fill(p->win, 0, 0, p->r.w, sl);
	draw_text(p->win, 0, 0, p->r.w, s, strlen(s), sl);
	free(s);
}
