/* tagview: the tag view, a mode of the list pane (T).  It lists every tag
 * of the library -- the reader's and the articles' own -- with the number
 * of articles carrying it, and an "untagged" row; Enter filters the list
 * by the chosen row and goes back to it, R renames the tag.  It swaps the
 * list pane's functions and key context for its own while it is up. */
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "inkstone/store.h"
#include "inkstone/text.h"
#include "inkstone/util.h"

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void
tagview_free(struct ui *ui)
{
	size_t i;

	for (i = 0; i < ui->ntags; i++) {
		free(ui->tags[i].tag);
		free(ui->tags[i].name);
	}
	free(ui->tags);
	ui->tags = NULL;
	ui->ntags = 0;
}

/*
 * Counts the articles of the library carrying each tag, a tag that is
 * both the reader's and the article's own counting once, and selects the
 * row of tag select (NULL: keeps the row number).  One pass over the
 * library and a sort of the tags it found.
 */
void
tagview_count(struct ui *ui, const char *select)
{
	const char	**all = NULL, **mine;
	size_t		  nall = 0, cap = 0, untagged = 0, n, i, j, k;
	size_t		  sel = ui->tagl.sel;

	for (i = 0; i < ui->lib->n; i++) {
		n = state_entry_tags(ui, &ui->lib->v[i], &mine);
		if (n == 0)
			untagged++;
		qsort(mine, n, sizeof *mine, cmp_str);
		for (j = 0; j < n; j++) {
			if (j > 0 && strcmp(mine[j], mine[j - 1]) == 0)
				continue;
			if (nall == cap) {
				cap = cap ? cap * 2 : 64;
				all = xreallocarray(all, cap, sizeof *all);
			}
			all[nall++] = mine[j];
		}
		free(mine);
	}
	if (nall > 1)
		qsort(all, nall, sizeof *all, cmp_str);
	tagview_free(ui);
	ui->tags = xcalloc(nall + 2, sizeof *ui->tags);
	for (i = k = 0; i < nall; i++) {
		if (k > 0 && strcmp(ui->tags[k - 1].tag, all[i]) == 0) {
			ui->tags[k - 1].count++;
			continue;
		}
		/* A hand-edited file may hold anything: the row keeps the
		 * tag to filter by and shows it cleaned. */
		ui->tags[k].tag = xstrdup(all[i]);
		ui->tags[k].name = text_clean(all[i], strlen(all[i]), NULL);
		ui->tags[k++].count = 1;
	}
	free(all);
	ui->tags[k].tag = NULL;
	ui->tags[k].name = xstrdup("(untagged)");
	ui->tags[k++].count = untagged;
	ui->ntags = k;
	listmodel_set_count(&ui->tagl, k);
	for (i = 0; select != NULL && i + 1 < k; i++)
		if (strcmp(ui->tags[i].tag, select) == 0)
			sel = i;
	listmodel_select(&ui->tagl, sel);
}

static void
tagview_draw(struct ui *ui, struct pane *p)
{
	const struct tag_row	*t;
	enum theme_slot		 sl;
	char			 count[32];
	size_t			 row;
	int			 y, w = p->r.w, cw;

	draw_header(ui, p, " Tags %zu", ui->ntags -
	    (ui->ntags > 0));
	listmodel_set_height(&ui->tagl, p->r.h - 1);
	for (y = 1; y < p->r.h; y++) {
		if ((row = listmodel_row_at(&ui->tagl, y - 1)) == (size_t)-1)
			break;
		t = &ui->tags[row];
		sl = row == ui->tagl.sel ? THEME_LIST_SELECTED : THEME_LIST;
		draw_fill(p->win, y, 0, w, sl);
		snprintf(count, sizeof count, " %zu", t->count);
		cw = (int)strlen(count);
		/* The count keeps its column; the name gives way. */
		if (cw + 2 > w)
			cw = w > 2 ? w - 2 : 0;
		draw_text(p->win, y, 1, w - 1 - cw, t->name, strlen(t->name),
		    sl != THEME_LIST ? sl : t->tag != NULL ? THEME_LIST_TAGS :
		    THEME_LIST_DATE);
		if (cw > 0)
			draw_text(p->win, y, w - cw, cw, count, strlen(count),
			    sl != THEME_LIST ? sl : THEME_LIST_SOURCE);
	}
}

/* Filters the list by the chosen row and goes back to it.  A tag row
 * filters by that tag as it is, not as an expression: a front matter's
 * "machine learning" or "untagged" names one tag. */
static int
choose(struct ui *ui)
{
	char *tag;

	if (ui->ntags == 0)
		return 0;
	tag = ui->tags[ui->tagl.sel].tag;
	tag = tag != NULL ? xstrdup(tag) : NULL;
	tagview_close(ui);
	if (tag == NULL)
		return ui_set_tag_filter(ui, xstrdup("untagged")) |
		    REDRAW_LAYOUT;
	return ui_set_tag_exact(ui, tag) | REDRAW_LAYOUT;
}

static int
rename_asked(struct ui *ui)
{
	if (ui->ntags == 0 || ui->tags[ui->tagl.sel].tag == NULL) {
		ui_message(ui, 1, "choose a tag to rename");
		return REDRAW_STATUS;
	}
	ui->prompting = PROMPT_RENAME_TAG;
	buf_free(&ui->prompt);
	buf_add(&ui->prompt, "", 0);
	return REDRAW_STATUS;
}

static int
moved(int changed)
{
	return changed ? REDRAW_LIST : 0;
}

static int
tagview_key(struct ui *ui, enum keys_action a)
{
	switch (a) {
	case KEYS_A_DOWN:
		return moved(listmodel_move(&ui->tagl, 1));
	case KEYS_A_UP:
		return moved(listmodel_move(&ui->tagl, -1));
	case KEYS_A_PAGE_DOWN:
	case KEYS_A_HALF_DOWN:
		return moved(listmodel_page(&ui->tagl, 1));
	case KEYS_A_PAGE_UP:
	case KEYS_A_HALF_UP:
		return moved(listmodel_page(&ui->tagl, -1));
	case KEYS_A_TOP:
		return moved(listmodel_home(&ui->tagl));
	case KEYS_A_BOTTOM:
		return moved(listmodel_end(&ui->tagl));
	case KEYS_A_OPEN:
		return choose(ui);
	case KEYS_A_RENAME_TAG:
		return rename_asked(ui);
	case KEYS_A_TAG_VIEW:
	case KEYS_A_CLOSE:
	case KEYS_A_QUIT:
		return tagview_close(ui);
	default:
		return -1;
	}
}

static int
tagview_click(struct ui *ui, int y, int x)
{
	size_t row = listmodel_row_at(&ui->tagl, y - 1);

	(void)x;
	if (y < 1 || row == (size_t)-1)
		return REDRAW_LIST;
	listmodel_select(&ui->tagl, row);
	return REDRAW_LIST;
}

static int
tagview_wheel(struct ui *ui, int dir)
{
	return moved(listmodel_scroll(&ui->tagl, dir * 3));
}

/* Opens the view in the list pane (its key context becomes "tags") on
 * the tag of the current filter when it is one tag. */
int
tagview_open(struct ui *ui)
{
	struct pane *p = &ui->pane[LAYOUT_LIST];

	if (ui->tagview)
		return tagview_close(ui);
	ui->tagview = 1;
	memset(&ui->tagl, 0, sizeof ui->tagl);
	listmodel_set_height(&ui->tagl, p->r.h > 1 ? p->r.h - 1 : 1);
	tagview_count(ui, ui->tag_expr);
	p->ctx = KEYS_TAGS;
	p->draw = tagview_draw;
	p->key = tagview_key;
	p->click = tagview_click;
	p->wheel = tagview_wheel;
	ui_message(ui, 0, "%zu tags: Enter filters the list, R renames, "
	    "Escape closes", ui->ntags - 1);
	return REDRAW_LIST | REDRAW_STATUS;
}

int
tagview_close(struct ui *ui)
{
	if (!ui->tagview)
		return 0;
	ui->tagview = 0;
	tagview_free(ui);
	list_init(ui, &ui->pane[LAYOUT_LIST]);
	return REDRAW_LIST | REDRAW_STATUS;
}
