/* reading: the reading pane.  It draws the lines render_article() gives
 * (the same lines `inkstone dump` prints), colouring the spans that the
 * visual selection, search matches, the chosen entity's mentions, saved
 * highlights and entity mentions cover.  The article is wrapped once per
 * width; scrolling only moves ui->top.  Visual mode (v) keeps its
 * selection in body bytes (selection.h), so it outlives a resize. */
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "inkstone/util.h"
#include "inkstone/wrap.h"

/* The margin on each side of the text: reading.margin, less on a narrow
 * pane so the text keeps at least 20 columns (or all of a tiny pane). */
static int
margin_of(const struct ui *ui, const struct pane *p)
{
	int m = ui->cfg.reading_margin;

	while (m > 0 && p->r.w - 2 * m < 20)
		m--;
	return m;
}

/* The text column: the pane less its margins, at most reading.width. */
static int
text_width_of(const struct ui *ui, const struct pane *p)
{
	int w = p->r.w - 2 * margin_of(ui, p);

	if (ui->cfg.reading_width > 0 && w > ui->cfg.reading_width)
		w = ui->cfg.reading_width;
	return w > 0 ? w : 1;
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

size_t
reading_line_para(const struct render_line *l)
{
	return (l->kind == RENDER_TITLE || l->kind == RENDER_META) ? 0 :
	    l->para;
}

/* The line showing byte off of the source string (kind, para): the last
 * line of that block starting at or before off. */
size_t
reading_find_line(const struct render *r, enum render_kind kind, size_t para,
    size_t off)
{
	size_t	i, found = (size_t)-1;

	if (r == NULL)
		return 0;
	if (kind == RENDER_BODY)
		return render_find(r, para, off);
	for (i = 0; i < r->n; i++) {
		if (r->v[i].kind != kind || reading_line_para(&r->v[i]) != para) {
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
	ui->anchor.para = reading_line_para(l);
	ui->anchor.start = l->start;
	ui->have_anchor = l->kind != RENDER_BLANK;
}

/* Re-wraps at the pane's new width, keeping the paragraph and offset at
 * the top of the pane at the top. */
void
reading_relayout(struct ui *ui)
{
	struct pane	*p = &ui->pane[LAYOUT_READING];
	int		 width = text_width_of(ui, p);

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
		ui->top = reading_find_line(ui->render, ui->anchor.kind,
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
	ui->visual = 0;
	marks_free(&ui->selmarks);
	marks_free(&ui->matches);
	marks_free(&ui->mentions);
	marks_free(&ui->saved);
	ui->jump = NULL;
	ui->jump_cur = 0;
	/* Not wrapped here: the layout that follows an open may change the
	 * pane's width, and an article is wrapped once per width. */
}

/* Wraps the open article now if the layout has not yet (a search typed
 * ahead of the redraw). */
void
reading_need_render(struct ui *ui)
{
	if (ui->render == NULL && ui->pane[LAYOUT_READING].r.w > 0)
		render_open(ui, text_width_of(ui, &ui->pane[LAYOUT_READING]));
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
	/* Highest priority first: the selection, then the search. */
	struct marks	*layers[5] = { &ui->selmarks, &ui->matches,
			    &ui->mentions, &ui->saved, &ui->entmarks };
	size_t		 para = reading_line_para(l), i = l->start, next, j;
	const struct mark *m;
	enum theme_slot	 sl;
	int		 k, maxw = p->r.w - x;

	while (i < l->end && maxw > 0) {
		sl = base;
		next = l->end;
		for (k = 4; k >= 0; k--) {
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
	int		x = margin_of(ui, p), w = p->r.w;

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
draw_note(struct ui *ui, struct pane *p, int y, const char *s,
    enum theme_slot sl)
{
	struct wrap_lines	wl = { 0 };
	size_t			i;
	int			x = margin_of(ui, p);

	wrap_paragraph(s, strlen(s), text_width_of(ui, p), &wl);
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
		draw_note(ui, p, 2, "No article open.", THEME_READING_TITLE);
		draw_note(ui, p, 4, ui->lib->n > 0 ? "Choose one in the list and "
		    "press Enter.  ? shows the keys." : "The library is empty. "
		    "? shows the keys, q quits.", THEME_NORMAL);
		return;
	}
	e = &ui->lib->v[ui->open];
	if (e->failed || ui->render == NULL) {
		draw_header(ui, p, " Reading  %s", e->rel);
		draw_note(ui, p, 2, "This article cannot be shown:", THEME_READING_TITLE);
		draw_note(ui, p, 4, e->error != NULL ? e->error : "no text",
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

	reading_need_render(ui);
	if (ui->render == NULL)
		return 0;
	line = reading_find_line(ui->render, kind, para, off);
	/* A line of context above the target, when there is one. */
	ctx = line > 0 && rows_of(&ui->pane[LAYOUT_READING]) > 4 ? 1 : 0;
	return scroll_to(ui, line - ctx) | REDRAW_READING;
}

/* The selection as marks, one a paragraph, for drawing and keeping. */
static void
visual_marks(struct ui *ui)
{
	const struct article	*a = open_article(ui);
	size_t			 p, start, end;

	marks_free(&ui->selmarks);
	for (p = ui->sel.start.para; a != NULL && p <= ui->sel.end.para; p++)
		if (selection_in_para(&ui->sel, a->paras, a->npara, p, &start,
		    &end))
			marks_add(&ui->selmarks, RENDER_BODY, p, start, end,
			    THEME_SELECTION);
}

/* Appends at most n code points of s[0, len) from its start (or, with
 * from_end, its end). */
static void
add_cut(struct buf *b, const char *s, size_t len, size_t n, int from_end)
{
	size_t i, k;

	if (!from_end) {
		for (i = k = 0; i < len && k <= n; i++)
			if (((unsigned char)s[i] & 0xc0) != 0x80 && ++k > n)
				break;
		buf_add(b, s, i);
		return;
	}
	for (i = len, k = 0; i > 0; i--)
		if (((unsigned char)s[i - 1] & 0xc0) != 0x80 && ++k == n)
			break;
	buf_add(b, s + (i > 0 ? i - 1 : 0), len - (i > 0 ? i - 1 : 0));
}

/* Says on the status line what is selected: all of it when short, else
 * its first and last words around an ellipsis; paragraphs joined by ¶. */
static void
visual_say(struct ui *ui)
{
	const struct article	*a = open_article(ui);
	struct buf		 all = { 0 }, b = { 0 };
	const struct mark	*m;
	size_t			 i, n = 0;

	for (i = 0; i < ui->selmarks.n; i++) {
		m = &ui->selmarks.v[i];
		if (i > 0)
			buf_adds(&all, " \u00b6 ");
		buf_add(&all, a->paras[m->para].text + m->start,
		    m->end - m->start);
	}
	for (i = 0; i < all.len; i++)
		n += ((unsigned char)all.data[i] & 0xc0) != 0x80;
	buf_adds(&b, "selected \"");
	if (n <= 40)
		buf_add(&b, all.data, all.len);
	else {
		add_cut(&b, all.data, all.len, 18, 0);
		buf_adds(&b, "\u2026");
		add_cut(&b, all.data, all.len, 18, 1);
	}
	ui_message(ui, 0, "%s\"%s", b.data, ui->sel.moving_start ?
	    " (its start moves)" : "");
	buf_free(&all);
	buf_free(&b);
}

/* Scrolls so the moving end is on screen. */
static void
visual_show(struct ui *ui)
{
	struct selection_pos	at = ui->sel.moving_start ? ui->sel.start :
				    ui->sel.end;
	size_t			rows = (size_t)rows_of(&ui->pane[LAYOUT_READING]);
	size_t			line;

	line = render_find(ui->render, at.para, at.off > 0 &&
	    !ui->sel.moving_start ? at.off - 1 : at.off);
	if (line < ui->top)
		scroll_to(ui, line);
	else if (line >= ui->top + rows)
		scroll_to(ui, line - rows + 1);
}

static int
visual_start(struct ui *ui)
{
	const struct article	*a = open_article(ui);
	size_t			 i;

	if (ui->visual) {
		ui->visual = 0;
		marks_free(&ui->selmarks);
		return REDRAW_READING | REDRAW_STATUS;
	}
	for (i = ui->top; ui->render != NULL && i < ui->render->n; i++)
		if (ui->render->v[i].kind == RENDER_BODY)
			break;
	if (a == NULL || ui->render == NULL || i >= ui->render->n ||
	    selection_begin(&ui->sel, a->paras, a->npara, ui->render->v[i].para,
	    ui->render->v[i].start) == -1) {
		ui_message(ui, 1, "no body text here to select");
		return REDRAW_STATUS;
	}
	ui->visual = 1;
	visual_marks(ui);
	visual_show(ui);
	ui_message(ui, 0, "visual: w b ) ( } { j k move the end, o the other "
	    "end, h keeps, E makes an entity, Escape drops");
	return REDRAW_READING | REDRAW_STATUS;
}

/* j and k: a display line at a time, over the body lines of the
 * paragraphs the selection touches and one either side. */
static int
visual_lines(struct ui *ui, int d)
{
	const struct render	*r = ui->render;
	struct selection_span	*v;
	size_t			 from, to, i, n = 0;
	int			 changed;

	from = ui->sel.start.para > 0 ? ui->sel.start.para - 1 : 0;
	to = ui->sel.end.para + 2 < r->npara ? ui->sel.end.para + 2 : r->npara;
	v = xcalloc(r->first[to] - r->first[from] + 1, sizeof *v);
	for (i = r->first[from]; i < r->first[to]; i++) {
		if (r->v[i].kind != RENDER_BODY || r->v[i].start >= r->v[i].end)
			continue;
		v[n].a.para = v[n].b.para = r->v[i].para;
		v[n].a.off = r->v[i].start;
		v[n++].b.off = r->v[i].end;
	}
	changed = selection_step_spans(&ui->sel, v, n, d);
	free(v);
	return changed;
}

static int
visual_key(struct ui *ui, enum keys_action a)
{
	const struct article	*art = open_article(ui);
	enum selection_unit	 u;
	int			 d = 1, changed;

	switch (a) {
	case KEYS_A_DOWN:
	case KEYS_A_UP:
		changed = visual_lines(ui, a == KEYS_A_DOWN ? 1 : -1);
		break;
	case KEYS_A_WORD_BACKWARD:
	case KEYS_A_SENTENCE_BACKWARD:
	case KEYS_A_PARAGRAPH_BACKWARD:
		d = -1;
		/* FALLTHROUGH */
	case KEYS_A_WORD_FORWARD:
	case KEYS_A_SENTENCE_FORWARD:
	case KEYS_A_PARAGRAPH_FORWARD:
		u = a == KEYS_A_WORD_FORWARD || a == KEYS_A_WORD_BACKWARD ?
		    SELECTION_WORD : a == KEYS_A_SENTENCE_FORWARD ||
		    a == KEYS_A_SENTENCE_BACKWARD ? SELECTION_SENTENCE :
		    SELECTION_PARAGRAPH;
		changed = selection_step(&ui->sel, art->paras, art->npara, u,
		    d);
		break;
	case KEYS_A_OTHER_END:
		selection_swap(&ui->sel);
		visual_say(ui);
		visual_show(ui);
		return REDRAW_READING | REDRAW_STATUS;
	case KEYS_A_CLOSE:
	case KEYS_A_VISUAL:
		ui->visual = 0;
		marks_free(&ui->selmarks);
		return REDRAW_READING | REDRAW_STATUS;
	default:
		return -1;
	}
	if (!changed)
		return 0;
	visual_marks(ui);
	visual_show(ui);
	visual_say(ui);
	return REDRAW_READING | REDRAW_STATUS;
}

static int
keep(struct ui *ui)
{
	const struct mark	*m;

	if (ui->visual)
		return state_ask_keep(ui, ui->selmarks.v, ui->selmarks.n) |
		    REDRAW_READING;
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
	return state_ask_keep(ui, m, 1);
}

static int
reading_key(struct ui *ui, enum keys_action a)
{
	long	page = rows_of(&ui->pane[LAYOUT_READING]) - 1;
	int	r;

	if (page < 1)
		page = 1;
	if (ui->visual && ui->render != NULL && open_article(ui) != NULL &&
	    (r = visual_key(ui, a)) != -1)
		return r;
	switch (a) {
	case KEYS_A_VISUAL:
		return visual_start(ui);
	case KEYS_A_HALF_DOWN:
		return scroll_by(ui, (page + 1) / 2);
	case KEYS_A_HALF_UP:
		return scroll_by(ui, -(page + 1) / 2);
	case KEYS_A_HIGHLIGHT:
		return keep(ui);
	case KEYS_A_ENTITY_ADD:
		return entedit_add(ui);
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
