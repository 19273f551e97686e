/* draw: putting text into a pane without ever passing its edge, and the
 * colour slots. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "pane.h"
#include "inkstone/text.h"
#include "inkstone/theme.h"
#include "inkstone/util.h"

static int	have_colour;
static attr_t	slot_attr[THEME_NSLOTS];

static attr_t
curses_attrs(unsigned a)
{
	attr_t r = 0;

	if (a & THEME_BOLD)
		r |= A_BOLD;
	if (a & THEME_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & THEME_REVERSE)
		r |= A_REVERSE;
	if (a & THEME_DIM)
		r |= A_DIM;
#ifdef A_ITALIC
	if (a & THEME_ITALIC)
		r |= A_ITALIC;
#endif
	return r;
}

/*
 * Loads the theme for this terminal's colours and makes one colour pair
 * per slot.  A theme that fails to load leaves the built-in attributes
 * only, and its errors in the status line.
 */
void
draw_init_colours(struct ui *ui)
{
	const char	*name;
	char		**errors = NULL;
	size_t		 nerrors = 0, i;
	int		 ncolours = 0, s;

	have_colour = 0;
	ui->colours = 0;
	name = theme_choose(ui->g != NULL ? ui->g->theme : NULL, ui->cfg.theme);
	if (has_colors() && start_color() != ERR) {
		use_default_colors();
		ncolours = COLORS;
	}
	if (theme_load(name, ncolours, &ui->theme, &errors, &nerrors) == -1) {
		ui_message(ui, 1, "%s", nerrors > 0 ? errors[0] :
		    "theme could not be loaded");
		for (i = 0; i < nerrors; i++)
			free(errors[i]);
		free(errors);
	}
	for (s = 0; s < THEME_NSLOTS; s++) {
		slot_attr[s] = curses_attrs(ui->theme.slot[s].attrs);
		if (ncolours >= 8 && s > 0 && s < COLOR_PAIRS &&
		    init_pair((short)s, (short)ui->theme.slot[s].fg,
		    (short)ui->theme.slot[s].bg) != ERR)
			have_colour = 1;
	}
	ui->colours = have_colour ? ncolours : 0;
	if (!have_colour && slot_attr[THEME_TITLE_FOCUS] == 0)
		slot_attr[THEME_TITLE_FOCUS] = A_REVERSE;
}

attr_t
draw_attr(enum theme_slot s, short *pair)
{
	*pair = have_colour && (int)s < COLOR_PAIRS ? (short)s : 0;
	return slot_attr[s];
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
    enum theme_slot sl)
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
		if (cp == 0xad && i < len) {
			/* The soft hyphen is never drawn (text.h). */
			i += n;
			continue;
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
draw_fill(WINDOW *win, int y, int x, int w, enum theme_slot sl)
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
	enum theme_slot	 sl;
	int		 focused = ui->focus == (int)(p - ui->pane);

	sl = focused ? THEME_TITLE_FOCUS : THEME_TITLE;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	draw_fill(p->win, 0, 0, p->r.w, sl);
	draw_text(p->win, 0, 0, p->r.w, s, strlen(s), sl);
	free(s);
}
