/* layout: pane rectangles for a terminal size. */
#include <string.h>

#include "inkstone/layout.h"

static int
clamp(int v, int lo, int hi)
{
	if (v < lo)
		return lo;
	if (v > hi)
		return hi;
	return v;
}

static void
rect(struct layout_rect *r, int y, int x, int h, int w)
{
	if (h <= 0 || w <= 0) {
		memset(r, 0, sizeof *r);
		return;
	}
	r->y = y;
	r->x = x;
	r->h = h;
	r->w = w;
}

static int
fits(int p, int cols, int rows)
{
	switch (p) {
	case LAYOUT_SIDEBAR:
		return cols >= LAYOUT_SIDEBAR_COLS && rows >= LAYOUT_SIDEBAR_ROWS;
	case LAYOUT_HIGHLIGHTS:
		return cols >= LAYOUT_HIGHLIGHTS_COLS &&
		    rows >= LAYOUT_HIGHLIGHTS_ROWS;
	case LAYOUT_LIST:
		return cols >= LAYOUT_LIST_COLS && rows >= LAYOUT_LIST_ROWS;
	default:
		return 1;
	}
}

void
layout_compute(int cols, int rows, const int toggled[LAYOUT_NPANES],
    int zoom, struct layout *out)
{
	int	p, body, listw = 0, rightw = 0, readw, x, hh, avail, nside;

	memset(out, 0, sizeof *out);
	out->sep_x[0] = out->sep_x[1] = -1;
	if (cols < LAYOUT_MIN_COLS || rows < LAYOUT_MIN_ROWS) {
		out->too_small = 1;
		return;
	}
	body = rows - 1;
	rect(&out->status, rows - 1, 0, 1, cols);
	for (p = 0; p < LAYOUT_NPANES; p++) {
		out->collapsed[p] = !fits(p, cols, rows);
		out->shown[p] = p == LAYOUT_READING ||
		    (out->collapsed[p] ? toggled[p] : !toggled[p]);
	}
	if (zoom >= 0 && zoom < LAYOUT_NPANES) {
		for (p = 0; p < LAYOUT_NPANES; p++)
			out->shown[p] = p == zoom;
		rect(&out->pane[zoom], 0, 0, body, cols);
		return;
	}

	if (out->shown[LAYOUT_LIST])
		listw = clamp(cols * 28 / 100, 20, 40);
	if (out->shown[LAYOUT_HIGHLIGHTS] || out->shown[LAYOUT_SIDEBAR])
		rightw = clamp(cols * 24 / 100, 20, 34);
	/*
	 * The side panes share the width with the reading pane, which keeps
	 * at least 45% of it.
	 */
	nside = (listw > 0) + (rightw > 0);
	if (nside > 0) {
		avail = cols - (cols * 45 + 99) / 100 - nside;
		if (listw + rightw > avail) {
			if (listw > 0 && rightw > 0) {
				listw = avail / 2;
				rightw = avail - listw;
			} else if (listw > 0)
				listw = avail;
			else
				rightw = avail;
		}
	}
	readw = cols - listw - rightw - (listw > 0) - (rightw > 0);

	x = 0;
	if (listw > 0) {
		rect(&out->pane[LAYOUT_LIST], 0, 0, body, listw);
		out->sep_x[0] = listw;
		x = listw + 1;
	}
	rect(&out->pane[LAYOUT_READING], 0, x, body, readw);
	x += readw;
	if (rightw > 0) {
		out->sep_x[1] = x;
		x++;
		if (out->shown[LAYOUT_HIGHLIGHTS] && out->shown[LAYOUT_SIDEBAR]) {
			hh = body * 45 / 100;
			if (hh < 2)
				hh = 2;
			if (body - hh < 2)
				hh = body / 2;
			rect(&out->pane[LAYOUT_HIGHLIGHTS], 0, x, hh, rightw);
			rect(&out->pane[LAYOUT_SIDEBAR], hh, x, body - hh,
			    rightw);
		} else if (out->shown[LAYOUT_HIGHLIGHTS])
			rect(&out->pane[LAYOUT_HIGHLIGHTS], 0, x, body, rightw);
		else
			rect(&out->pane[LAYOUT_SIDEBAR], 0, x, body, rightw);
	}
	out->sep_h = body;
}

int
layout_hit(const struct layout *l, int y, int x)
{
	const struct layout_rect	*r;
	int				 p;

	for (p = 0; p < LAYOUT_NPANES; p++) {
		r = &l->pane[p];
		if (r->h > 0 && y >= r->y && y < r->y + r->h &&
		    x >= r->x && x < r->x + r->w)
			return p;
	}
	return -1;
}
