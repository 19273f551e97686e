/* sidebar: the open article's entities grouped by type, with mention
 * counts and the CJK alias beside the name.  Enter marks an entity's
 * mentions in the reading pane (n/N walk them); filter-entity keeps the
 * articles that mention it. */
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "inkstone/cmd.h"
#include "inkstone/entity.h"
#include "inkstone/text.h"
#include "inkstone/util.h"

static enum theme_slot
type_slot(int type)
{
	switch (type) {
	case ENTITY_PERSON:
		return THEME_ENTITY_PERSON;
	case ENTITY_ORG:
		return THEME_ENTITY_ORG;
	case ENTITY_PLACE:
		return THEME_ENTITY_PLACE;
	case ENTITY_MONEY:
	case ENTITY_PERCENT:
		return THEME_ENTITY_MONEY;
	case ENTITY_DATE:
		return THEME_ENTITY_DATE;
	default:
		return THEME_NORMAL;
	}
}

static struct entity_set *
extract(struct ui *ui, const struct article *a)
{
	const char	**paras;
	size_t		 *lens, i;
	struct entity_set *set;

	paras = xcalloc(a->npara + 1, sizeof *paras);
	lens = xcalloc(a->npara + 1, sizeof *lens);
	for (i = 0; i < a->npara; i++) {
		paras[i] = a->paras[i].text;
		lens[i] = a->paras[i].len;
	}
	set = entity_extract(ui->edb, paras, lens, a->npara);
	free(paras);
	free(lens);
	return set;
}

static void
load_db(struct ui *ui)
{
	char	*shipped, *dir, *user, *cause = NULL;

	if (ui->edb != NULL)
		return;
	shipped = util_share_path("entities.yaml");
	dir = ui->g != NULL && ui->g->data_dir != NULL ?
	    xstrdup(ui->g->data_dir) : util_data_dir();
	user = util_path_join(dir, "entities.yaml");
	ui->edb = entity_db_load(shipped, user, &cause);
	if (ui->edb == NULL) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		ui->edb = entity_db_load(NULL, NULL, &cause);
		free(cause);
	}
	free(shipped);
	free(dir);
	free(user);
}

void
sidebar_reset(struct ui *ui)
{
	const struct article	*a;
	const struct entity	*e;
	size_t			 i, k, n, t;
	int			 type;

	free(ui->srows);
	ui->srows = NULL;
	ui->nsrows = 0;
	ui->ents = NULL;
	marks_free(&ui->entmarks);
	memset(&ui->side, 0, sizeof ui->side);
	listmodel_set_height(&ui->side, ui->pane[LAYOUT_SIDEBAR].r.h - 1);
	if (ui->open < 0 || (a = ui->lib->v[ui->open].article) == NULL)
		return;
	load_db(ui);
	if (ui->entry_ents[ui->lib->v[ui->open].id] == NULL)
		ui->entry_ents[ui->lib->v[ui->open].id] = extract(ui, a);
	ui->ents = ui->entry_ents[ui->lib->v[ui->open].id];
	ui->srows = xcalloc(2 * ui->ents->n + 1, sizeof *ui->srows);
	/* The types the config's "entities" names, in its order; the set
	 * keeps each type's entities together, most mentioned first. */
	for (t = 0; t < ui->cfg.nentities; t++) {
		type = entity_type_parse(ui->cfg.entities[t]);
		for (n = 0, i = 0; i < ui->ents->n; i++)
			n += (int)ui->ents->v[i].type == type;
		if (type < 0 || n == 0)
			continue;
		ui->srows[ui->nsrows].heading = 1;
		ui->srows[ui->nsrows].type = type;
		ui->srows[ui->nsrows].count = n;
		ui->nsrows++;
		for (i = 0; i < ui->ents->n; i++) {
			e = &ui->ents->v[i];
			if ((int)e->type != type)
				continue;
			ui->srows[ui->nsrows].type = type;
			ui->srows[ui->nsrows].ent = e;
			ui->srows[ui->nsrows].count = e->nspans;
			ui->nsrows++;
			for (k = 0; k < e->nspans; k++)
				marks_add(&ui->entmarks, RENDER_BODY,
				    e->spans[k].para, e->spans[k].start,
				    e->spans[k].end, type_slot(type));
		}
	}
	marks_sort(&ui->entmarks);
	listmodel_set_count(&ui->side, ui->nsrows);
	if (ui->nsrows > 1)
		listmodel_select(&ui->side, 1);
}

void
sidebar_free(struct ui *ui)
{
	size_t i;

	ui->open = -1;
	sidebar_reset(ui);
	for (i = 0; ui->entry_ents != NULL && ui->lib != NULL &&
	    i < ui->lib->n; i++)
		if (ui->entry_ents[i] != NULL)
			entity_set_free(ui->entry_ents[i]);
	free(ui->entry_ents);
	ui->entry_ents = NULL;
	if (ui->edb != NULL)
		entity_db_free(ui->edb);
	ui->edb = NULL;
}

static int	side_move(struct ui *, int (*)(struct listmodel *, long), long);

void
sidebar_reload(struct ui *ui, const char *select)
{
	size_t	i, row = ui->side.sel;

	for (i = 0; ui->entry_ents != NULL && i < ui->lib->n; i++) {
		entity_set_free(ui->entry_ents[i]);
		ui->entry_ents[i] = NULL;
	}
	ui->ents = NULL;
	if (ui->edb != NULL)
		entity_db_free(ui->edb);
	ui->edb = NULL;
	sidebar_reset(ui);
	if (ui->nsrows == 0)
		return;
	for (i = 0; select != NULL && i < ui->nsrows; i++)
		if (ui->srows[i].ent != NULL &&
		    strcmp(ui->srows[i].ent->name, select) == 0) {
			listmodel_select(&ui->side, i);
			return;
		}
	/* The row that was selected, or the last; never a heading. */
	if (row >= ui->nsrows)
		row = ui->nsrows - 1;
	listmodel_select(&ui->side, row);
	if (ui->srows[row].heading)
		side_move(ui, listmodel_move, row + 1 < ui->nsrows ? 1 : -1);
}

/* 1 if the entry's article mentions an entity whose name or an alias is
 * name exactly or, failing that, holds it (case-folded): the sidebar's f
 * passes a whole name, a typed filter may be a part of one. */
int
sidebar_entry_names(struct ui *ui, const struct library_entry *le,
    const char *name)
{
	const struct entity_set	*set;
	const struct entity	*e;
	struct search		*s;
	size_t			 i, k;
	int			 hit = 0;

	if (le->article == NULL)
		return 0;
	load_db(ui);
	if (ui->entry_ents[le->id] == NULL)
		ui->entry_ents[le->id] = extract(ui, le->article);
	set = ui->entry_ents[le->id];
	if (entity_set_find(set, name) != NULL)
		return 1;
	if ((s = search_new(name)) == NULL)
		return 0;
	for (i = 0; i < set->n && !hit; i++) {
		e = &set->v[i];
		hit = search_contains(s, e->name, strlen(e->name));
		for (k = 0; k < e->naliases && !hit; k++)
			hit = search_contains(s, e->aliases[k],
			    strlen(e->aliases[k]));
	}
	search_free(s);
	return hit;
}

/* The first alias holding a CJK character, or NULL. */
static const char *
cjk_alias(const struct entity *e)
{
	const char	*s;
	size_t		 i, k, len;
	uint32_t	 cp;

	for (i = 0; i < e->naliases; i++) {
		s = e->aliases[i];
		len = strlen(s);
		for (k = 0; k < len; ) {
			k += text_decode(s + k, len - k, &cp);
			if ((cp >= 0x2e80 && cp <= 0x9fff) ||
			    (cp >= 0xac00 && cp <= 0xd7af) ||
			    (cp >= 0xf900 && cp <= 0xfaff) || cp >= 0x20000)
				return s;
		}
	}
	return NULL;
}

static void
draw_row(struct ui *ui, struct pane *p, int y, size_t row)
{
	const struct side_row	*r = &ui->srows[row];
	const char		*alias;
	char			 count[32];
	enum theme_slot		 sl;
	int			 x, cw, w = p->r.w;

	sl = row == ui->side.sel ? THEME_LIST_SELECTED : THEME_NORMAL;
	if (sl == THEME_LIST_SELECTED)
		draw_fill(p->win, y, 0, w, sl);
	if (r->heading) {
		snprintf(count, sizeof count, " %zu", r->count);
		x = 1 + draw_text(p->win, y, 1, w - 1, entity_type_name(r->type),
		    strlen(entity_type_name(r->type)), type_slot(r->type));
		draw_text(p->win, y, x, w - x, count, strlen(count), THEME_LIST_SOURCE);
		return;
	}
	snprintf(count, sizeof count, " %zu", r->count);
	cw = (int)strlen(count);
	if (entedit_is_marked(ui, r->ent) && w > 1)
		draw_text(p->win, y, 0, 1, "*", 1, sl != THEME_NORMAL ? sl :
		    THEME_LIST_MARKED);
	x = 2 + draw_text(p->win, y, 2, w - 2 - cw, r->ent->name,
	    strlen(r->ent->name), sl != THEME_NORMAL ? sl : type_slot(r->type));
	alias = cjk_alias(r->ent);
	if (alias != NULL && x + 1 < w - cw)
		draw_text(p->win, y, x + 1, w - cw - (x + 1), alias,
		    strlen(alias), sl);
	if (w > cw)
		draw_text(p->win, y, w - cw, cw, count, (size_t)cw,
		    sl != THEME_NORMAL ? sl : THEME_LIST_SOURCE);
}

static void
sidebar_draw(struct ui *ui, struct pane *p)
{
	size_t	row, n;
	int	y;

	for (n = row = 0; row < ui->nsrows; row++)
		n += !ui->srows[row].heading;
	draw_header(ui, p, " Entities %zu", n);
	if (ui->nsrows == 0) {
		draw_text(p->win, 2, 1, p->r.w - 1, ui->open < 0 ?
		    "No article open." : "No entities found.",
		    ui->open < 0 ? 16 : 18, THEME_LIST_SOURCE);
		return;
	}
	for (y = 1; y < p->r.h; y++) {
		row = listmodel_row_at(&ui->side, y - 1);
		if (row == (size_t)-1)
			break;
		draw_row(ui, p, y, row);
	}
}

/* Moves the selection, stepping over headings in the same direction. */
static int
side_move(struct ui *ui, int (*fn)(struct listmodel *, long), long d)
{
	int	r = fn(&ui->side, d);

	if (ui->nsrows > 0 && ui->srows[ui->side.sel].heading) {
		if (d >= 0 && ui->side.sel + 1 < ui->nsrows)
			r |= listmodel_move(&ui->side, 1);
		else if (ui->side.sel > 0 && d < 0)
			r |= listmodel_move(&ui->side, -1);
		else if (ui->side.sel + 1 < ui->nsrows)
			r |= listmodel_move(&ui->side, 1);
	}
	return r ? REDRAW_SIDEBAR : 0;
}

static int
page(struct listmodel *m, long d)
{
	return listmodel_page(m, (int)d);
}

static int
edge(struct listmodel *m, long d)
{
	return d < 0 ? listmodel_home(m) : listmodel_end(m);
}

static const struct entity *
selected(struct ui *ui)
{
	if (ui->nsrows == 0)
		return NULL;
	return ui->srows[ui->side.sel].ent;
}

static int
mark_mentions(struct ui *ui)
{
	const struct entity	*e = selected(ui);
	size_t			 k;

	if (e == NULL)
		return 0;
	marks_free(&ui->mentions);
	for (k = 0; k < e->nspans; k++)
		marks_add(&ui->mentions, RENDER_BODY, e->spans[k].para,
		    e->spans[k].start, e->spans[k].end, THEME_SELECTION);
	ui->jump = &ui->mentions;
	ui->jump_cur = 0;
	if (ui->mentions.n == 0)
		return REDRAW_READING;
	ui_message(ui, 0, "%s: mention 1 of %zu (n/N for the others)",
	    e->name, ui->mentions.n);
	return reading_goto(ui, RENDER_BODY, e->spans[0].para,
	    e->spans[0].start) | REDRAW_READING | REDRAW_STATUS;
}

static int
side_filter(struct ui *ui)
{
	const struct entity *e = selected(ui);

	if (e == NULL)
		return 0;
	free(ui->entity_filter);
	ui->entity_filter = xstrdup(e->name);
	ui_message(ui, 0, "articles naming %s", e->name);
	return ui_refilter(ui);
}

/* Selects the first entity after the selection (wrapping) whose name or
 * an alias holds text. */
int
sidebar_find(struct ui *ui, const char *text)
{
	struct search		*s = search_new(text);
	const struct entity	*e;
	size_t			 i, k, row;
	int			 hit = 0;

	for (i = 1; s != NULL && i <= ui->nsrows && !hit; i++) {
		row = (ui->side.sel + i) % ui->nsrows;
		if ((e = ui->srows[row].ent) == NULL)
			continue;
		hit = search_contains(s, e->name, strlen(e->name));
		for (k = 0; k < e->naliases && !hit; k++)
			hit = search_contains(s, e->aliases[k],
			    strlen(e->aliases[k]));
		if (hit)
			listmodel_select(&ui->side, row);
	}
	search_free(s);
	if (!hit)
		ui_message(ui, 1, "no entity named %s", text);
	return REDRAW_SIDEBAR | REDRAW_STATUS;
}

static int
sidebar_key(struct ui *ui, enum keys_action a)
{
	switch (a) {
	case KEYS_A_DOWN:
		return side_move(ui, listmodel_move, 1);
	case KEYS_A_UP:
		return side_move(ui, listmodel_move, -1);
	case KEYS_A_PAGE_DOWN:
		return side_move(ui, page, 1);
	case KEYS_A_PAGE_UP:
		return side_move(ui, page, -1);
	case KEYS_A_TOP:
		return side_move(ui, edge, -1);
	case KEYS_A_BOTTOM:
		return side_move(ui, edge, 1);
	case KEYS_A_OPEN:
		return mark_mentions(ui);
	case KEYS_A_FILTER_ENTITY:
		return side_filter(ui);
	case KEYS_A_ENTITY_IGNORE:
		return entedit_ignore(ui, selected(ui));
	case KEYS_A_ENTITY_MARK:
		return entedit_mark(ui, selected(ui));
	case KEYS_A_ENTITY_MERGE:
		return entedit_merge(ui, selected(ui));
	case KEYS_A_CLOSE:
		/* Escape drops a merge mark first. */
		if (ui->ent_mark == NULL)
			return -1;
		ui_message(ui, 0, "mark cleared");
		return entedit_unmark(ui);
	case KEYS_A_SEARCH:
		/* In the sidebar, / finds an entity by name or alias. */
		ui->prompting = PROMPT_ENTITY;
		buf_free(&ui->prompt);
		buf_add(&ui->prompt, "", 0);
		return REDRAW_STATUS;
	default:
		return -1;
	}
}

static int
sidebar_click(struct ui *ui, int y, int x)
{
	size_t row = listmodel_row_at(&ui->side, y - 1);

	(void)x;
	if (y < 1 || row == (size_t)-1)
		return REDRAW_SIDEBAR;
	listmodel_select(&ui->side, row);
	return side_move(ui, listmodel_move, 0) | REDRAW_SIDEBAR;
}

static int
sidebar_wheel(struct ui *ui, int dir)
{
	return listmodel_scroll(&ui->side, dir * 3) ? REDRAW_SIDEBAR : 0;
}

void
sidebar_init(struct ui *ui, struct pane *p)
{
	ui->entry_ents = xcalloc(ui->lib->n + 1, sizeof *ui->entry_ents);
	p->name = "sidebar";
	p->ctx = KEYS_SIDEBAR;
	p->draw = sidebar_draw;
	p->key = sidebar_key;
	p->click = sidebar_click;
	p->wheel = sidebar_wheel;
}
