/* reading: the reading pane.  It draws the lines render_article() gives
 * (the same lines `inkstone dump` prints), colouring the spans that search
 * matches, the chosen entity's mentions, saved highlights and entity
 * mentions cover.  The article is wrapped once per width; scrolling only
 * moves ui->top. */
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "inkstone/util.h"
#include "inkstone/wrap.h"

static int
text_width_of(const struct pane *p)
{
	return p->r.w >= 20 ? p->r.w - 2 : p->r.w;
}

static int
margin_of(const struct pane *p)
{
	return p->r.w >= 20 ? 1 : 0;
}

static int
rows_of(const struct pane *p)
{
	return p->r.h > 1 ? p->r.h - 1 : 1;
}

static const struct article *
open_article(struct ui *ui)
{
	if (ui->open < 0)
		return NULL;
	return ui->lib->v[ui->open].article;
}

void
marks_add(struct marks *m, enum render_kind kind, size_t para, size_t start,
    size_t end, enum theme_slot sl)
{
	if (m->n == m->cap) {
		m->cap = m->cap * 2 + 16;
		m->v = xreallocarray(m->v, m->cap, sizeof *m->v);
	}
	m->v[m->n].kind = kind;
	m->v[m->n].para = (kind == RENDER_TITLE || kind == RENDER_META) ?
	    0 : para;
	m->v[m->n].start = start;
	m->v[m->n].end = end;
	m->v[m->n].slot = sl;
	m->n++;
}

static int
by_position(const void *a, const void *b)
{
	const struct mark *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->para != y->para)
		return x->para < y->para ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return 0;
}

/* Puts marks in text order, which lower() below relies on. */
void
marks_sort(struct marks *m)
{
	if (m->n > 1)
		qsort(m->v, m->n, sizeof *m->v, by_position);
}

void
marks_free(struct marks *m)
{
	free(m->v);
	memset(m, 0, sizeof *m);
}

static size_t
line_para(const struct render_line *l)
{
	return (l->kind == RENDER_TITLE || l->kind == RENDER_META) ? 0 :
	    l->para;
}

/* The line showing byte off of the source string (kind, para): the last
 * line of that block starting at or before off. */
static size_t
find_line(const struct render *r, enum render_kind kind, size_t para,
    size_t off)
{
	size_t	i, found = (size_t)-1;

	if (r == NULL)
		return 0;
	if (kind == RENDER_BODY)
		return render_find(r, para, off);
	for (i = 0; i < r->n; i++) {
		if (r->v[i].kind != kind || line_para(&r->v[i]) != para) {
			if (found != (size_t)-1)
				break;
			continue;
		}
		if (found == (size_t)-1 || r->v[i].start <= off)
			found = i;
	}
	return found == (size_t)-1 ? 0 : found;
}

static size_t
max_top(struct ui *ui)
{
	size_t rows = (size_t)rows_of(&ui->pane[LAYOUT_READING]);

	if (ui->render == NULL || ui->render->n <= rows)
		return 0;
	return ui->render->n - rows;
}

static void
render_open(struct ui *ui, int width)
{
	const struct article *a = open_article(ui);

	render_free(ui->render);
	ui->render = NULL;
	if (a == NULL || width < 1)
		return;
	ui->render = render_article(a, width);
	ui->render_width = width;
}

/* Remembers where the top line starts in its source string: a resize
 * puts that offset back at the top, however many resizes come in a row
 * (taking the new top line's start instead would drift). */
static void
set_anchor(struct ui *ui)
{
	const struct render_line *l;

	ui->have_anchor = 0;
	if (ui->render == NULL || ui->top >= ui->render->n)
		return;
	l = &ui->render->v[ui->top];
	if (l->kind == RENDER_BLANK && ui->top + 1 < ui->render->n)
		l++;
	ui->anchor.kind = l->kind;
	ui->anchor.para = line_para(l);
	ui->anchor.start = l->start;
	ui->have_anchor = l->kind != RENDER_BLANK;
}

/* Re-wraps at the pane's new width, keeping the paragraph and offset at
 * the top of the pane at the top. */
void
reading_relayout(struct ui *ui)
{
	struct pane	*p = &ui->pane[LAYOUT_READING];
	int		 width = text_width_of(p);

	if (p->r.w == 0 || open_article(ui) == NULL)
		return;
	if (ui->render != NULL && ui->render_width == width) {
		if (ui->top > max_top(ui))
			ui->top = max_top(ui);
		return;
	}
	if (ui->render != NULL && !ui->have_anchor)
		set_anchor(ui);
	render_open(ui, width);
	ui->top = 0;
	if (ui->have_anchor)
		ui->top = find_line(ui->render, ui->anchor.kind,
		    ui->anchor.para, ui->anchor.start);
	/* Near the end the pane cannot start there and still be full; the
	 * anchor stays for the next resize. */
	if (ui->top > max_top(ui))
		ui->top = max_top(ui);
}

void
reading_reset(struct ui *ui)
{
	render_free(ui->render);
	ui->render = NULL;
	ui->render_width = 0;
	ui->top = 0;
	ui->have_anchor = 0;
	marks_free(&ui->matches);
	marks_free(&ui->mentions);
	marks_free(&ui->saved);
	ui->jump = NULL;
	ui->jump_cur = 0;
	if (ui->open >= 0 && ui->pane[LAYOUT_READING].r.w > 0)
		render_open(ui, text_width_of(&ui->pane[LAYOUT_READING]));
}

/* The first mark of m at or after byte off of (kind, para) that has not
 * ended by off, or m->n. */
static size_t
lower(const struct marks *m, enum render_kind kind, size_t para, size_t off)
{
	size_t			 lo = 0, hi = m->n, mid;
	const struct mark	*k;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		k = &m->v[mid];
		if (k->kind < kind || (k->kind == kind && (k->para < para ||
		    (k->para == para && k->end <= off))))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Draws text[start, end) of one line from column x, switching slots where
 * the mark layers start and end.  Returns the column after it. */
static int
draw_span(struct ui *ui, struct pane *p, int y, int x,
    const struct render_line *l, enum theme_slot base)
{
	/* Highest priority first: the search wins over everything. */
	struct marks	*layers[4] = { &ui->matches, &ui->mentions,
			    &ui->saved, &ui->entmarks };
	size_t		 para = line_para(l), i = l->start, next, j;
	const struct mark *m;
	enum theme_slot	 sl;
	int		 k, maxw = p->r.w - x;

	while (i < l->end && maxw > 0) {
		sl = base;
		next = l->end;
		for (k = 3; k >= 0; k--) {
			j = lower(layers[k], l->kind, para, i);
			if (j >= layers[k]->n)
				continue;
			m = &layers[k]->v[j];
			if (m->kind != l->kind || m->para != para)
				continue;
			if (m->start <= i) {
				sl = m->slot;
				if (layers[k] == ui->jump && j == ui->jump_cur)
					sl = THEME_SEARCH_CURRENT;
				if (m->end < next)
					next = m->end;
			} else if (m->start < next)
				next = m->start;
		}
		k = draw_text(p->win, y, x, maxw, l->text + i, next - i, sl);
		x += k;
		maxw -= k;
		i = next;
	}
	return x;
}

static void
draw_line(struct ui *ui, struct pane *p, int y, const struct render_line *l)
{
	enum theme_slot	base;
	int		x = margin_of(p), w = p->r.w;

	switch (l->kind) {
	case RENDER_TITLE:
		base = THEME_READING_TITLE;
		break;
	case RENDER_META:
		base = THEME_READING_META;
		break;
	case RENDER_HIGHLIGHT:
		base = THEME_READING_BULLET;
		break;
	case RENDER_BLANK:
		return;
	default:
		base = THEME_READING;
		break;
	}
	if (l->prefix != NULL && *l->prefix != '\0')
		x += draw_text(p->win, y, x, w - x, l->prefix,
		    strlen(l->prefix), base);
	x = draw_span(ui, p, y, x, l, base);
	if (l->hyphen && x < w)
		draw_text(p->win, y, x, w - x, "-", 1, base);
}

/* Draws a message wrapped to the pane, from row y. */
static void
draw_note(struct pane *p, int y, const char *s, enum theme_slot sl)
{
	struct wrap_lines	wl = { 0 };
	size_t			i;
	int			x = margin_of(p);

	wrap_paragraph(s, strlen(s), text_width_of(p), &wl);
	for (i = 0; i < wl.n && y < p->r.h; i++, y++)
		draw_text(p->win, y, x, p->r.w - x, s + wl.v[i].start,
		    wl.v[i].end - wl.v[i].start, sl);
	wrap_lines_free(&wl);
}

static void
reading_draw(struct ui *ui, struct pane *p)
{
	const struct library_entry	*e;
	size_t				 i, n;
	int				 y, rows = rows_of(p);

	if (ui->open < 0) {
		draw_header(ui, p, " Reading");
		draw_note(p, 2, "No article open.", THEME_READING_TITLE);
		draw_note(p, 4, ui->lib->n > 0 ? "Choose one in the list and "
		    "press Enter.  ? shows the keys." : "The library is empty. "
		    "? shows the keys, q quits.", THEME_NORMAL);
		return;
	}
	e = &ui->lib->v[ui->open];
	if (e->failed || ui->render == NULL) {
		draw_header(ui, p, " Reading  %s", e->rel);
		draw_note(p, 2, "This article cannot be shown:", THEME_READING_TITLE);
		draw_note(p, 4, e->error != NULL ? e->error : "no text",
		    THEME_STATUS_ERROR);
		return;
	}
	n = ui->render->n;
	draw_header(ui, p, " Reading  %zu-%zu/%zu  %d%%", n ? ui->top + 1 : 0,
	    ui->top + (size_t)rows < n ? ui->top + (size_t)rows : n, n,
	    n > 0 ? (int)((ui->top + (size_t)rows >= n ? n : ui->top +
	    (size_t)rows) * 100 / n) : 100);
	for (y = 1, i = ui->top; y < p->r.h && i < n; y++, i++)
		draw_line(ui, p, y, &ui->render->v[i]);
}

static int
scroll_to(struct ui *ui, size_t top)
{
	if (top > max_top(ui))
		top = max_top(ui);
	if (top == ui->top)
		return 0;
	ui->top = top;
	set_anchor(ui);
	return REDRAW_READING;
}

static int
scroll_by(struct ui *ui, long d)
{
	if (d < 0 && (size_t)-d > ui->top)
		return scroll_to(ui, 0);
	return scroll_to(ui, d < 0 ? ui->top - (size_t)-d :
	    ui->top + (size_t)d);
}

int
reading_goto(struct ui *ui, enum render_kind kind, size_t para, size_t off)
{
	size_t	line, ctx;

	if (ui->render == NULL)
		return 0;
	line = find_line(ui->render, kind, para, off);
	/* A line of context above the target, when there is one. */
	ctx = line > 0 && rows_of(&ui->pane[LAYOUT_READING]) > 4 ? 1 : 0;
	return scroll_to(ui, line - ctx) | REDRAW_READING;
}

static int
show_mark(struct ui *ui)
{
	const struct mark *m = &ui->jump->v[ui->jump_cur];

	return reading_goto(ui, m->kind, m->para, m->start) | REDRAW_STATUS;
}

static void
find_in(struct search *s, struct marks *out, enum render_kind kind,
    size_t para, const char *text, size_t len)
{
	struct search_spans	sp = { 0 };
	size_t			i;

	search_find(s, text, len, &sp);
	for (i = 0; i < sp.n; i++)
		marks_add(out, kind, para, sp.v[i].start, sp.v[i].end,
		    THEME_SEARCH);
	search_spans_free(&sp);
}

int
reading_search(struct ui *ui, const char *query)
{
	const struct article	*a = open_article(ui);
	struct search		*s;
	size_t			 i, line;

	marks_free(&ui->matches);
	if (ui->jump == &ui->matches)
		ui->jump = NULL;
	free(ui->query);
	ui->query = xstrdup(query);
	if (a == NULL || ui->render == NULL) {
		ui_message(ui, 1, "no article open to search");
		return REDRAW_STATUS;
	}
	if ((s = search_new(query)) == NULL)
		return REDRAW_READING | REDRAW_STATUS;
	find_in(s, &ui->matches, RENDER_TITLE, 0, a->title, strlen(a->title));
	for (i = 0; i < a->nhighlights; i++)
		find_in(s, &ui->matches, RENDER_HIGHLIGHT, i, a->highlights[i],
		    strlen(a->highlights[i]));
	for (i = 0; i < a->npara; i++)
		find_in(s, &ui->matches, RENDER_BODY, i, a->paras[i].text,
		    a->paras[i].len);
	search_free(s);
	if (ui->matches.n == 0) {
		ui_message(ui, 1, "not found: %s", query);
		return REDRAW_READING | REDRAW_STATUS;
	}
	ui->jump = &ui->matches;
	/* Start from the first match on screen or below it. */
	for (i = 0; i < ui->matches.n; i++) {
		line = find_line(ui->render, ui->matches.v[i].kind,
		    ui->matches.v[i].para, ui->matches.v[i].start);
		if (line >= ui->top)
			break;
	}
	ui->jump_cur = i < ui->matches.n ? i : 0;
	ui_message(ui, 0, "match %zu of %zu", ui->jump_cur + 1,
	    ui->matches.n);
	return show_mark(ui) | REDRAW_READING;
}

int
reading_jump(struct ui *ui, int dir)
{
	size_t	n;
	int	wrapped = 0;

	if (ui->jump == NULL || ui->jump->n == 0) {
		ui_message(ui, 1, "nothing to jump to: / searches, Enter on "
		    "an entity marks its mentions");
		return REDRAW_STATUS;
	}
	n = ui->jump->n;
	if (dir > 0) {
		wrapped = ui->jump_cur + 1 >= n;
		ui->jump_cur = wrapped ? 0 : ui->jump_cur + 1;
	} else {
		wrapped = ui->jump_cur == 0;
		ui->jump_cur = wrapped ? n - 1 : ui->jump_cur - 1;
	}
	ui_message(ui, 0, "%s %zu of %zu%s", ui->jump == &ui->matches ?
	    "match" : "mention", ui->jump_cur + 1, n,
	    wrapped ? " (wrapped)" : "");
	return show_mark(ui) | REDRAW_READING;
}

/* Keeps the match or mention under the cursor (n/N) as a highlight. */
static int
keep(struct ui *ui)
{
	const struct mark *m;

	if (ui->jump == NULL || ui->jump_cur >= ui->jump->n) {
		ui_message(ui, 1, "search (/) or choose an entity first: the "
		    "match at the cursor is what is kept");
		return REDRAW_STATUS;
	}
	m = &ui->jump->v[ui->jump_cur];
	if (m->kind != RENDER_BODY) {
		ui_message(ui, 1, "only the body's text can be kept");
		return REDRAW_STATUS;
	}
	return state_keep(ui, m->para, m->start, m->end);
}

static int
reading_key(struct ui *ui, enum keys_action a)
{
	long page = rows_of(&ui->pane[LAYOUT_READING]) - 1;

	if (page < 1)
		page = 1;
	switch (a) {
	case KEYS_A_HALF_DOWN:
		return scroll_by(ui, (page + 1) / 2);
	case KEYS_A_HALF_UP:
		return scroll_by(ui, -(page + 1) / 2);
	case KEYS_A_HIGHLIGHT:
		return keep(ui);
	case KEYS_A_DOWN:
		return scroll_by(ui, 1);
	case KEYS_A_UP:
		return scroll_by(ui, -1);
	case KEYS_A_PAGE_DOWN:
		return scroll_by(ui, page);
	case KEYS_A_PAGE_UP:
		return scroll_by(ui, -page);
	case KEYS_A_TOP:
		return scroll_to(ui, 0);
	case KEYS_A_BOTTOM:
		return scroll_to(ui, max_top(ui));
	default:
		return -1;
	}
}

static int
reading_wheel(struct ui *ui, int dir)
{
	return scroll_by(ui, dir * 3);
}

void
reading_init(struct ui *ui, struct pane *p)
{
	(void)ui;
	p->name = "reading";
	p->ctx = KEYS_READING;
	p->draw = reading_draw;
	p->key = reading_key;
	p->wheel = reading_wheel;
}
