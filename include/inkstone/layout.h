/* layout: where the reader's panes go on a terminal of a given size.  Pure
 * arithmetic, so every size can be tested without a terminal.  No curses.
 *
 * At 100x30 and larger all four panes are shown: the article list on the
 * left, the reading pane in the middle, the highlights pane above the
 * entity sidebar on the right.  Smaller terminals collapse panes in this
 * order: the sidebar, then the highlights, then the list; a collapsed pane
 * becomes a toggle.  The reading pane never goes away and keeps at least
 * 45% of the width.  Below
 * LAYOUT_MIN_COLS x LAYOUT_MIN_ROWS the layout is "too small". */
#ifndef INKSTONE_LAYOUT_H
#define INKSTONE_LAYOUT_H

enum layout_pane {
	LAYOUT_LIST,
	LAYOUT_READING,
	LAYOUT_HIGHLIGHTS,
	LAYOUT_SIDEBAR,
	LAYOUT_NPANES
};

#define LAYOUT_MIN_COLS		20
#define LAYOUT_MIN_ROWS		6
/* The smallest sizes at which a pane is shown without being asked for. */
#define LAYOUT_SIDEBAR_COLS	100
#define LAYOUT_SIDEBAR_ROWS	30
#define LAYOUT_HIGHLIGHTS_COLS	80
#define LAYOUT_HIGHLIGHTS_ROWS	16
#define LAYOUT_LIST_COLS	64
#define LAYOUT_LIST_ROWS	8

struct layout_rect {
	int	y, x, h, w;	/* h == 0 and w == 0: not shown */
};

struct layout {
	int			too_small;
	struct layout_rect	pane[LAYOUT_NPANES];
	struct layout_rect	status;		/* the last row */
	int			shown[LAYOUT_NPANES];
	int			collapsed[LAYOUT_NPANES]; /* a toggle at this size */
	/* The columns of the vertical separators drawn between panes (-1:
	 * none), each running from row 0 over sep_h rows. */
	int			sep_x[2];
	int			sep_h;
};

/* Lays out a cols x rows terminal.  toggled[p] flips pane p's default: it
 * shows a collapsed pane or hides one that fits (the reading pane is always
 * shown).  zoom is a pane shown alone over the whole body, or -1. */
void	layout_compute(int cols, int rows, const int toggled[LAYOUT_NPANES],
	    int zoom, struct layout *out);

/* The pane holding screen cell (y, x), or -1. */
int	layout_hit(const struct layout *l, int y, int x);

#endif
