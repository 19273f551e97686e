/* highlights: the highlights pane.  Lists the publisher's highlights of
 * the open article (and the reader's saved ones), each a wrapped excerpt;
 * choosing one scrolls the reading pane to it. */
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "inkstone/util.h"

#define HL_MAX_LINES	4	/* an excerpt, not the whole passage */

static int
item_rows(const struct hl_item *it)
{
	int n = it->wl.n > HL_MAX_LINES ? HL_MAX_LINES : (int)it->wl.n;

	return n + 1;	/* and a blank line after it */
}

static void
wrap_items(struct ui *ui, int width)
{
	size_t i;

	if (width < 1)
		return;
	for (i = 0; i < ui->nhl; i++) {
		wrap_lines_free(&ui->hl[i].wl);
		wrap_paragraph(ui->hl[i].text, strlen(ui->hl[i].text), width,
		    &ui->hl[i].wl);
	}
	ui->hl_width = width;
}

void
highlights_reset(struct ui *ui)
{
	const struct article	*a;
	size_t			 i;

	for (i = 0; i < ui->nhl; i++) {
		wrap_lines_free(&ui->hl[i].wl);
		free(ui->hl[i].owned);
	}
	free(ui->hl);
	ui->hl = NULL;
	ui->nhl = ui->hl_sel = ui->hl_top = 0;
	ui->hl_width = 0;
	if (ui->open < 0 || (a = ui->lib->v[ui->open].article) == NULL)
		return;
	ui->hl = xcalloc(a->nhighlights + 1, sizeof *ui->hl);
	for (i = 0; i < a->nhighlights; i++) {
		ui->hl[ui->nhl].text = a->highlights[i];
		ui->hl[ui->nhl].index = i;
		ui->nhl++;
	}
	state_highlights(ui);
}

/* Scrolls so the selected item is wholly on screen when it fits. */
static void
keep_visible(struct ui *ui, int rows)
{
	size_t	i;
	int	used;

	if (ui->hl_sel < ui->hl_top)
		ui->hl_top = ui->hl_sel;
	for (;;) {
		used = 0;
		for (i = ui->hl_top; i <= ui->hl_sel && i < ui->nhl; i++)
			used += item_rows(&ui->hl[i]);
		if (used - 1 <= rows || ui->hl_top == ui->hl_sel)
			break;
		ui->hl_top++;
	}
}

static void
highlights_draw(struct ui *ui, struct pane *p)
{
	const struct hl_item	*it;
	const char		*bullet;
	enum theme_slot		 sl;
	size_t			 i, k;
	int			 y = 1, x, tw = p->r.w - 4;

	draw_header(ui, p, " Highlights %zu", ui->nhl);
	for (y = 1; y < p->r.h; y++)
		draw_fill(p->win, y, 0, p->r.w, THEME_HIGHLIGHTS);
	y = 1;
	if (ui->nhl == 0) {
		draw_text(p->win, 2, 1, p->r.w - 1, ui->open < 0 ?
		    "No article open." : "No highlights.",
		    ui->open < 0 ? 16 : 14, THEME_LIST_SOURCE);
		return;
	}
	if (tw < 1)
		return;
	if (ui->hl_width != tw)
		wrap_items(ui, tw);
	keep_visible(ui, p->r.h - 1);
	for (i = ui->hl_top; i < ui->nhl && y < p->r.h; i++) {
		it = &ui->hl[i];
		sl = i == ui->hl_sel ? THEME_HIGHLIGHTS_SELECTED :
		    it->orphaned ? THEME_HIGHLIGHTS_ORPHAN : THEME_HIGHLIGHTS;
		bullet = it->saved ? "\u00bb" : "\u2022";
		for (k = 0; k < it->wl.n && k < HL_MAX_LINES &&
		    y < p->r.h; k++, y++) {
			draw_fill(p->win, y, 0, p->r.w, sl);
			if (k == 0)
				draw_text(p->win, y, 1, 1, bullet,
				    strlen(bullet), sl);
			x = draw_text(p->win, y, 3, tw,
			    it->text + it->wl.v[k].start,
			    it->wl.v[k].end - it->wl.v[k].start, sl);
			if (k + 1 == HL_MAX_LINES && it->wl.n > HL_MAX_LINES)
				draw_text(p->win, y, 3 + x < p->r.w ? 3 + x :
				    p->r.w - 1, 1, "\u2026", 3, sl);
		}
		y++;
	}
}

/* Scrolls the reading pane to the highlight: to the passage in the body
 * when the body holds it, else to the highlight block under the title. */
static int
jump(struct ui *ui)
{
	const struct article	*a;
	const struct hl_item	*it;
	struct search		*s;
	struct search_spans	 sp = { 0 };
	size_t			 i;
	int			 r;

	if (ui->nhl == 0 || (a = ui->lib->v[ui->open].article) == NULL)
		return 0;
	it = &ui->hl[ui->hl_sel];
	if (it->saved) {
		if (it->orphaned) {
			ui_message(ui, 1, "this highlight is no longer in the "
			    "text (orphaned)");
			return REDRAW_STATUS;
		}
		return reading_goto(ui, RENDER_BODY, it->para, it->start) |
		    REDRAW_READING;
	}
	s = search_new(it->text);
	for (i = 0; s != NULL && i < a->npara; i++)
		if (search_find(s, a->paras[i].text, a->paras[i].len, &sp) > 0)
			break;
	search_free(s);
	if (sp.n > 0) {
		marks_free(&ui->mentions);
		marks_add(&ui->mentions, RENDER_BODY, i, sp.v[0].start,
		    sp.v[0].end, THEME_SELECTION);
		ui->jump = &ui->mentions;
		ui->jump_cur = 0;
		r = reading_goto(ui, RENDER_BODY, i, sp.v[0].start);
	} else
		r = reading_goto(ui, RENDER_HIGHLIGHT, it->index, 0);
	search_spans_free(&sp);
	return r | REDRAW_READING | REDRAW_HIGHLIGHTS;
}

static int
select_item(struct ui *ui, size_t i)
{
	if (ui->nhl == 0)
		return 0;
	if (i >= ui->nhl)
		i = ui->nhl - 1;
	if (i == ui->hl_sel)
		return 0;
	ui->hl_sel = i;
	return REDRAW_HIGHLIGHTS;
}

static int
highlights_key(struct ui *ui, enum keys_action a)
{
	switch (a) {
	case KEYS_A_DOWN:
		return select_item(ui, ui->hl_sel + 1);
	case KEYS_A_UP:
		return ui->hl_sel > 0 ? select_item(ui, ui->hl_sel - 1) : 0;
	case KEYS_A_PAGE_DOWN:
		return select_item(ui, ui->hl_sel + 3);
	case KEYS_A_PAGE_UP:
		return select_item(ui, ui->hl_sel > 3 ? ui->hl_sel - 3 : 0);
	case KEYS_A_TOP:
		return select_item(ui, 0);
	case KEYS_A_BOTTOM:
		return select_item(ui, ui->nhl);
	case KEYS_A_OPEN:
		return jump(ui);
	case KEYS_A_DELETE:
		if (ui->nhl == 0 || !ui->hl[ui->hl_sel].saved) {
			ui_message(ui, 1, "only your own highlights can be "
			    "deleted");
			return REDRAW_STATUS;
		}
		return state_delete_highlight(ui, ui->hl[ui->hl_sel].id);
	default:
		return -1;
	}
}

static int
highlights_click(struct ui *ui, int y, int x)
{
	size_t	i;
	int	row = 1;

	(void)x;
	for (i = ui->hl_top; i < ui->nhl; i++) {
		row += item_rows(&ui->hl[i]);
		if (y < row)
			return select_item(ui, i) | jump(ui);
	}
	return 0;
}

static int
highlights_wheel(struct ui *ui, int dir)
{
	if (dir > 0)
		return select_item(ui, ui->hl_sel + 1);
	return ui->hl_sel > 0 ? select_item(ui, ui->hl_sel - 1) : 0;
}

void
highlights_init(struct ui *ui, struct pane *p)
{
	(void)ui;
	p->name = "highlights";
	p->ctx = KEYS_HIGHLIGHTS;
	p->draw = highlights_draw;
	p->key = highlights_key;
	p->click = highlights_click;
	p->wheel = highlights_wheel;
}
