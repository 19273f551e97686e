/* list: the article list pane. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pane.h"
#include "inkstone/libindex.h"
#include "inkstone/search.h"
#include "inkstone/store.h"
#include "inkstone/util.h"

const struct library_entry *
list_selected(struct ui *ui)
{
	if (ui->nview == 0)
		return NULL;
	return &ui->lib->v[ui->view[ui->list.sel]];
}

/* Sorts the library in the order chosen, reversed by sort.reverse. */
void
ui_sort(struct ui *ui)
{
	library_sort(ui->lib, ui->sort, ui->cfg.sort_reverse);
}

/* Which of the library index's entities the entity filter names: the one
 * whose name or alias it is, else every one holding it (case-folded), as
 * the sidebar's matching does.  NULL when none does. */
static unsigned char *
named_entities(const struct libindex *ix, const char *name)
{
	struct libindex_entity	 le;
	struct search		*s;
	unsigned char		*want;
	size_t			 n = libindex_entity_count(ix), i, k, nk;
	int			 any = 0;

	want = xcalloc(n + 1, 1);
	if ((i = libindex_entity_find(ix, name)) != (size_t)-1) {
		want[i] = 1;
		return want;
	}
	if ((s = search_new(name)) == NULL) {
		free(want);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		libindex_entity(ix, i, &le);
		want[i] = search_contains(s, le.name, strlen(le.name));
		nk = libindex_entity_naliases(ix, i);
		for (k = 0; k < nk && !want[i]; k++)
			want[i] = search_contains(s,
			    libindex_entity_alias(ix, i, k),
			    strlen(libindex_entity_alias(ix, i, k)));
		any |= want[i];
	}
	search_free(s);
	if (!any) {
		free(want);
		return NULL;
	}
	return want;
}

/* Keeps the n entries of the view that mention the entity filter: by the
 * library index when there is one (no article read), else by each
 * article's entities. */
static size_t
filter_entity(struct ui *ui, size_t n)
{
	const struct libindex		*ix = ui->lib->index;
	const struct library_entry	*e;
	unsigned char			*want;
	size_t				 i, k, j, ne, ent, count;
	int				 hit;

	if (ix == NULL) {
		for (i = k = 0; i < n; i++)
			if (sidebar_entry_names(ui, &ui->lib->v[ui->view[i]],
			    ui->entity_filter))
				ui->view[k++] = ui->view[i];
		return k;
	}
	if ((want = named_entities(ix, ui->entity_filter)) == NULL)
		return 0;
	for (i = k = 0; i < n; i++) {
		e = &ui->lib->v[ui->view[i]];
		hit = 0;
		ne = e->ix != (size_t)-1 ? libindex_article_nentities(ix, e->ix) :
		    0;
		for (j = 0; j < ne && !hit; j++) {
			libindex_article_entity(ix, e->ix, j, &ent, &count);
			hit = want[ent];
		}
		if (hit)
			ui->view[k++] = ui->view[i];
	}
	free(want);
	return k;
}

/* Builds the view from the text, entity, tag and unread filters, keeping
 * the selected article selected when it is still shown.  An article read
 * while "unread only" is in force stays in the view until the next
 * refilter, so the list does not move under the reader. */
int
ui_refilter(struct ui *ui)
{
	const struct library_entry	*sel = list_selected(ui);
	size_t				 i, k, n;

	if (ui->lib->n == 0) {
		ui->nview = 0;
		listmodel_set_count(&ui->list, 0);
		return REDRAW_LIST | REDRAW_STATUS;
	}
	n = library_filter_text(ui->lib, ui->filter != NULL ? ui->filter : "",
	    ui->view);
	if (ui->entity_filter != NULL)
		n = filter_entity(ui, n);
	if (ui->tag_filter != NULL) {
		for (i = k = 0; i < n; i++)
			if (state_tags_match(ui, &ui->lib->v[ui->view[i]],
			    ui->tag_filter))
				ui->view[k++] = ui->view[i];
		n = k;
	}
	if (ui->unread_only) {
		for (i = k = 0; i < n; i++)
			if (!state_is_read(ui, &ui->lib->v[ui->view[i]]))
				ui->view[k++] = ui->view[i];
		n = k;
	}
	ui->nview = n;
	listmodel_set_count(&ui->list, n);
	for (i = 0; sel != NULL && i < n; i++)
		if (&ui->lib->v[ui->view[i]] == sel) {
			listmodel_select(&ui->list, i);
			break;
		}
	if (i == n)
		listmodel_home(&ui->list);
	return REDRAW_LIST | REDRAW_STATUS;
}

static int
resort(struct ui *ui)
{
	const struct library_entry	*sel = list_selected(ui);
	char				*rel, *openrel = NULL;
	size_t				 i;

	/* Sorting moves entries: remember the selected and open ones by
	 * name and find them again. */
	rel = sel != NULL ? xstrdup(sel->rel) : NULL;
	if (ui->open >= 0)
		openrel = xstrdup(ui->lib->v[ui->open].rel);
	ui->sort = (ui->sort + 1) % LIBRARY_NSORTS;
	ui_sort(ui);
	for (i = 0; i < ui->lib->n; i++) {
		if (openrel != NULL && strcmp(ui->lib->v[i].rel, openrel) == 0)
			ui->open = (long)i;
	}
	ui_refilter(ui);
	for (i = 0; rel != NULL && i < ui->nview; i++)
		if (strcmp(ui->lib->v[ui->view[i]].rel, rel) == 0)
			listmodel_select(&ui->list, i);
	free(rel);
	free(openrel);
	ui_message(ui, 0, "sorted by %s", library_sort_name(ui->sort));
	return REDRAW_LIST | REDRAW_STATUS;
}

/* Scans the library again, keeping the selected and open articles: a
 * folder in the background (the indexer), one file here. */
int
ui_reload(struct ui *ui)
{
	struct library	*lib;
	char		*cause = NULL, *sel = NULL, *open = NULL;
	size_t		 i;
	long		 reopen = -1;

	switch (ui_start_indexer(ui)) {
	case 0:
		ui->reload_asked = 1;
		ui_message(ui, 0, "rescanning %s", ui->libpath);
		return REDRAW_STATUS;
	case 1:
		ui_message(ui, 0, "%zu articles", ui->lib->n);
		return REDRAW_LAYOUT;
	}
	if ((lib = library_open(ui->libpath, &cause)) == NULL) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return REDRAW_STATUS;
	}
	if (list_selected(ui) != NULL)
		sel = xstrdup(list_selected(ui)->rel);
	if (ui->open >= 0)
		open = xstrdup(ui->lib->v[ui->open].rel);
	ui_close_article(ui);
	sidebar_free(ui);
	state_close(ui);
	library_free(ui->lib);
	ui->lib = lib;
	ui_sort(ui);
	free(ui->view);
	free(ui->read);
	free(ui->marked);
	ui->view = xcalloc(lib->n + 1, sizeof *ui->view);
	ui->read = xcalloc(lib->n + 1, 1);
	ui->marked = xcalloc(lib->n + 1, 1);
	ui->nmarked = 0;
	sidebar_init(ui, &ui->pane[LAYOUT_SIDEBAR]);
	state_open(ui);
	ui->unread_valid = 0;
	ui->nview = 0;
	ui_refilter(ui);
	for (i = 0; i < ui->nview; i++) {
		if (sel != NULL && strcmp(lib->v[ui->view[i]].rel, sel) == 0)
			listmodel_select(&ui->list, i);
		if (open != NULL && strcmp(lib->v[ui->view[i]].rel, open) == 0)
			reopen = (long)i;
	}
	if (reopen >= 0) {
		listmodel_select(&ui->list, (size_t)reopen);
		ui_open_selected(ui);
	}
	ui_message(ui, 0, "%zu articles", lib->n);
	free(sel);
	free(open);
	return REDRAW_LAYOUT;
}

/* Formats "YYYY-MM-DD[ HH:MM]" with the config's date-format (full) or
 * as MM-DD.  The format is the user's (config.c checks it), so it cannot
 * be a literal. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
format_date(struct ui *ui, const char *iso, int full, char *out,
    size_t len)
{
	struct tm	tm;

	memset(&tm, 0, sizeof tm);
	if (!full || ui->cfg.date_format == NULL ||
	    (strptime(iso, "%Y-%m-%d %H:%M", &tm) == NULL &&
	    strptime(iso, "%Y-%m-%d", &tm) == NULL) ||
	    strftime(out, len, ui->cfg.date_format, &tm) == 0) {
		snprintf(out, len, "%s", strlen(iso) >= 10 && !full ?
		    iso + 5 : iso);
		if (!full && strlen(out) > 5)
			out[5] = '\0';
		else if (strlen(out) > 10)
			out[10] = '\0';
	}
}
#pragma GCC diagnostic pop

/* The date column's width: the format's on a sample date, at most 16. */
static int
date_width(struct ui *ui)
{
	char	buf[64];
	int	w;

	format_date(ui, "2025-12-31 23:59", 1, buf, sizeof buf);
	w = draw_width(buf, strlen(buf));
	return w > 16 ? 16 : w;
}

static void
draw_row(struct ui *ui, struct pane *p, int y, size_t row)
{
	const struct library_entry	*e = &ui->lib->v[ui->view[row]];
	const char			*s;
	char				 mark[3], date[64];
	enum theme_slot			 base, sl;
	int				 x, w = p->r.w, srcw, datew;

	base = row == ui->list.sel ? THEME_LIST_SELECTED :
	    ui->marked[e->id] ? THEME_LIST_MARKED : THEME_LIST;
	draw_fill(p->win, y, 0, w, base);
	mark[0] = e->failed ? '!' : state_is_read(ui, e) ? ' ' : '*';
	mark[1] = ui->marked[e->id] ? '+' : state_has_tags(ui, e) ? '#' : ' ';
	mark[2] = ' ';
	sl = base != THEME_LIST ? base : e->failed ? THEME_STATUS_ERROR :
	    THEME_LIST_UNREAD;
	x = draw_text(p->win, y, 0, w, mark, 3, sl);
	if (w >= 24) {
		/* date-format on a wide list, MM-DD on a narrow one. */
		datew = w >= 40 ? date_width(ui) : 5;
		if (e->date_iso[0] != '\0') {
			format_date(ui, e->date_iso, w >= 40, date,
			    sizeof date);
			draw_text(p->win, y, x, datew < w - x ? datew : w - x,
			    date, strlen(date),
			    base != THEME_LIST ? base : THEME_LIST_DATE);
		}
		x += datew + 1;
	}
	srcw = w >= 60 ? 14 : w >= 30 ? 8 : 0;
	if (srcw > 0 && x < w) {
		s = e->source;
		draw_text(p->win, y, x, srcw < w - x ? srcw : w - x, s,
		    strlen(s), base != THEME_LIST ? base : THEME_LIST_SOURCE);
		x += srcw + 1;
	}
	if (x < w) {
		s = library_title(e);
		draw_text(p->win, y, x, w - x, s, strlen(s),
		    base != THEME_LIST ? base : e->failed ? THEME_STATUS_ERROR :
		    state_is_read(ui, e) ? THEME_LIST : THEME_LIST_UNREAD);
	}
}

static void
empty_state(struct ui *ui, struct pane *p)
{
	const char	*lines[4];
	char		*l0, *l1 = NULL, name[KEYS_NAMELEN];
	size_t		 done, total;
	int		 i, n = 0;

	if (ui->lib->n == 0 && (ui->indexer != NULL || ui->indexer_pending)) {
		done = total = 0;
		if (ui->indexer != NULL)
			indexer_progress(ui->indexer, &done, &total);
		l0 = total == 0 ? xasprintf("Looking for articles in %s...",
		    ui->libpath) : xasprintf("Indexing %s: %zu of %zu...",
		    ui->libpath, done, total);
		lines[n++] = l0;
		lines[n++] = "The list fills in when it is done;";
		lines[n++] = "later starts are instant.";
		lines[n++] = "? shows the keys, q quits.";
	} else if (ui->lib->n == 0) {
		l0 = xasprintf("No articles in %s.", ui->libpath);
		lines[n++] = l0;
		lines[n++] = "Put .txt or .md files there,";
		lines[n++] = "or run: inkstone FOLDER";
		lines[n++] = "? shows the keys, q quits.";
	} else {
		l0 = xstrdup("No article matches.");
		lines[n++] = l0;
		/* The key in force: it may be rebound, or bound to none. */
		if (bind_key_name(ui, KEYS_LIST, KEYS_A_CLEAR_FILTER, name) !=
		    NULL)
			lines[n++] = l1 = xasprintf("%s shows them all again.",
			    name);
		else
			lines[n++] = "clear-filter shows them all again.";
	}
	for (i = 0; i < n && i + 2 < p->r.h; i++)
		draw_text(p->win, i + 2, 1, p->r.w - 1, lines[i],
		    strlen(lines[i]), i == 0 ? THEME_READING_TITLE : THEME_NORMAL);
	free(l0);
	free(l1);
}

static void
list_draw(struct ui *ui, struct pane *p)
{
	size_t	row;
	int	y;

	draw_header(ui, p, " Articles %zu/%zu  by %s%s", ui->nview,
	    ui->lib->n, library_sort_name(ui->sort),
	    ui->filter != NULL || ui->entity_filter != NULL ||
	    ui->tag_filter != NULL || ui->unread_only ? "  filtered" : "");
	if (ui->nview == 0) {
		empty_state(ui, p);
		return;
	}
	for (y = 1; y < p->r.h; y++) {
		row = listmodel_row_at(&ui->list, y - 1);
		if (row == (size_t)-1)
			break;
		draw_row(ui, p, y, row);
	}
}

static int
moved(struct ui *ui, int changed)
{
	const struct library_entry *e;

	if (!changed)
		return 0;
	e = list_selected(ui);
	if (e != NULL && e->failed)
		ui_message(ui, 1, "%s", e->error);
	return REDRAW_LIST | REDRAW_STATUS;
}

/* Marks or unmarks the selected article for a batch tag (t), and moves
 * on so a run of articles is marked key after key. */
static int
toggle_mark(struct ui *ui)
{
	const struct library_entry *e = list_selected(ui);

	if (e == NULL)
		return 0;
	ui->marked[e->id] = !ui->marked[e->id];
	if (ui->marked[e->id])
		ui->nmarked++;
	else
		ui->nmarked--;
	listmodel_move(&ui->list, 1);
	ui_message(ui, 0, "%zu marked: t tags them all", ui->nmarked);
	return REDRAW_LIST | REDRAW_STATUS;
}

static int
toggle_unread(struct ui *ui)
{
	ui->unread_only = !ui->unread_only;
	ui_message(ui, 0, ui->unread_only ? "unread articles only" :
	    "read and unread articles");
	return ui_refilter(ui);
}

static int
list_key(struct ui *ui, enum keys_action a)
{
	switch (a) {
	case KEYS_A_DOWN:
		return moved(ui, listmodel_move(&ui->list, 1));
	case KEYS_A_UP:
		return moved(ui, listmodel_move(&ui->list, -1));
	case KEYS_A_PAGE_DOWN:
		return moved(ui, listmodel_page(&ui->list, 1));
	case KEYS_A_PAGE_UP:
		return moved(ui, listmodel_page(&ui->list, -1));
	case KEYS_A_TOP:
		return moved(ui, listmodel_home(&ui->list));
	case KEYS_A_BOTTOM:
		return moved(ui, listmodel_end(&ui->list));
	case KEYS_A_OPEN:
		return ui_open_selected(ui);
	case KEYS_A_SORT:
		return resort(ui);
	case KEYS_A_MARK:
		return toggle_mark(ui);
	case KEYS_A_FILTER_UNREAD:
		return toggle_unread(ui);
	case KEYS_A_SEARCH:
		/* In the list, / filters the library by text. */
		ui->prompting = PROMPT_FILTER;
		buf_free(&ui->prompt);
		buf_add(&ui->prompt, "", 0);
		return REDRAW_STATUS;
	default:
		return -1;
	}
}

static int
list_click(struct ui *ui, int y, int x)
{
	size_t row = listmodel_row_at(&ui->list, y - 1);

	(void)x;
	if (y < 1 || row == (size_t)-1)
		return REDRAW_LIST;
	return moved(ui, listmodel_select(&ui->list, row)) | REDRAW_LIST;
}

static int
list_wheel(struct ui *ui, int dir)
{
	return moved(ui, listmodel_scroll(&ui->list, dir * 3));
}

void
list_init(struct ui *ui, struct pane *p)
{
	(void)ui;
	p->name = "list";
	p->ctx = KEYS_LIST;
	p->draw = list_draw;
	p->key = list_key;
	p->click = list_click;
	p->wheel = list_wheel;
}
