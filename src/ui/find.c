/* find: searching the open article and walking the marks (search
 * matches, an entity's mentions) with n and N.  The search runs over whole
 * paragraphs (search.h), so a match split by the wrapper is found; the
 * marks are spans in paragraph coordinates, drawn by reading.c. */
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "inkstone/util.h"

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
	const struct article	*a = NULL;
	struct search		*s;
	char			*q;
	size_t			 i, line;

	marks_free(&ui->matches);
	if (ui->jump == &ui->matches)
		ui->jump = NULL;
	/* query may be ui->query itself (an empty search repeats it). */
	q = xstrdup(query);
	free(ui->query);
	ui->query = q;
	query = q;
	if (ui->open >= 0)
		a = ui->lib->v[ui->open].article;
	reading_need_render(ui);
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
		line = reading_find_line(ui->render, ui->matches.v[i].kind,
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
/* v: selects lines of one paragraph from the first body line on screen;
 * j/k move its end, h keeps it, Escape drops it. */
