/* listmodel: the scrolling state of a list-like pane (articles,
 * highlights, entities): how many rows, which is selected, which is at the
 * top, how many fit.  Every pane that shows a list keeps one, so they all
 * move alike.  No curses. */
#ifndef INKSTONE_LISTMODEL_H
#define INKSTONE_LISTMODEL_H

#include <stddef.h>

struct listmodel {
	size_t	n;	/* rows */
	size_t	sel;	/* the selected row (0 when n == 0) */
	size_t	top;	/* the first row shown */
	int	height;	/* rows that fit (>= 1 once set) */
};

/* Each function below keeps sel inside [0, n) and on screen, and returns 1
 * if sel or top changed (the pane needs redrawing), else 0. */

/* Sets the row count (after a filter or reload), keeping sel if it still
 * exists. */
int	listmodel_set_count(struct listmodel *m, size_t n);
/* Sets the visible height (after a resize). */
int	listmodel_set_height(struct listmodel *m, int height);
/* Moves the selection by delta rows, stopping at either end. */
int	listmodel_move(struct listmodel *m, long delta);
/* Moves by a page (dir > 0 down, dir < 0 up). */
int	listmodel_page(struct listmodel *m, int dir);
int	listmodel_home(struct listmodel *m);
int	listmodel_end(struct listmodel *m);
/* Selects row i (clamped). */
int	listmodel_select(struct listmodel *m, size_t i);
/* Scrolls the view by delta rows (the mouse wheel); the selection follows
 * only as far as it must to stay on screen. */
int	listmodel_scroll(struct listmodel *m, long delta);
/* The row shown on screen line y of the pane, or (size_t)-1 past the end. */
size_t	listmodel_row_at(const struct listmodel *m, int y);

#endif
