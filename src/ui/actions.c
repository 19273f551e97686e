/* actions: what the named actions of keys.h do that is not one pane's
 * business -- focus, toggles, zoom, prompts, opening and closing -- and the
 * dispatch that asks the focused pane first. */
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "inkstone/store.h"
#include "inkstone/util.h"

static int
cycle_focus(struct ui *ui, int dir)
{
	int	i, f = ui->focus;

	for (i = 0; i < LAYOUT_NPANES; i++) {
		f = (f + dir + LAYOUT_NPANES) % LAYOUT_NPANES;
		if (ui->lay.shown[f])
			break;
	}
	if (f == ui->focus)
		return 0;
	ui->focus = f;
	return REDRAW_PANES | REDRAW_STATUS;
}

static int
toggle(struct ui *ui, int p)
{
	ui->toggled[p] ^= 1;
	ui->zoom = -1;
	ui_compute_layout(ui);
	if (ui->lay.shown[p])
		ui->focus = p;
	else if (ui->focus == p)
		ui->focus = LAYOUT_READING;
	return REDRAW_LAYOUT;
}

/* The body of an article no longer open goes (the index stands in for
 * it), so that memory holds the open article only however many are read. */
static void
unload(struct ui *ui, long was)
{
	if (was >= 0 && was != ui->open && (size_t)was < ui->lib->n)
		library_unload(ui->lib, &ui->lib->v[was]);
}

int
ui_open_selected(struct ui *ui)
{
	struct library_entry	*e;
	long			 was = ui->open;

	if (list_selected(ui) == NULL)
		return 0;
	e = &ui->lib->v[ui->view[ui->list.sel]];
	ui->open = (long)(e - ui->lib->v);
	library_load(ui->lib, e);
	state_mark_read(ui, e);
	reading_reset(ui);
	highlights_reset(ui);
	sidebar_reset(ui);
	unload(ui, was);
	ui->focus = LAYOUT_READING;
	/* Opened from a zoomed pane: the article takes the zoom. */
	if (ui->zoom >= 0)
		ui->zoom = LAYOUT_READING;
	if (e->error != NULL)
		ui_message(ui, 1, "%s", e->error);
	return REDRAW_LAYOUT;
}

int
ui_close_article(struct ui *ui)
{
	long was = ui->open;

	ui->open = -1;
	reading_reset(ui);
	highlights_reset(ui);
	sidebar_reset(ui);
	unload(ui, was);
	ui->zoom = -1;
	ui->focus = LAYOUT_LIST;
	ui_compute_layout(ui);
	if (!ui->lay.shown[LAYOUT_LIST])
		ui->focus = LAYOUT_READING;
	return REDRAW_LAYOUT;
}

static int
focus_pane(struct ui *ui, int p)
{
	ui->zoom = -1;
	ui_compute_layout(ui);
	if (!ui->lay.shown[p])
		return toggle(ui, p);
	if (ui->focus == p && ui->lay.collapsed[p] && p != LAYOUT_READING)
		return toggle(ui, p);	/* asked again: fold it away */
	ui->focus = p;
	return REDRAW_PANES | REDRAW_STATUS;
}

static int
ask(struct ui *ui, enum prompt what)
{
	ui->prompting = what;
	buf_free(&ui->prompt);
	buf_add(&ui->prompt, "", 0);
	return REDRAW_STATUS;
}

/* T: the tag view in the list pane, shown and focused (from any pane; a
 * zoom on another pane ends). */
static int
show_tags(struct ui *ui)
{
	if (ui->zoom >= 0 && ui->zoom != LAYOUT_LIST)
		ui->zoom = -1;
	ui_compute_layout(ui);
	if (!ui->lay.shown[LAYOUT_LIST])
		toggle(ui, LAYOUT_LIST);
	if (ui->lay.shown[LAYOUT_LIST])
		ui->focus = LAYOUT_LIST;
	return (ui->tagview ? 0 : tagview_open(ui)) | REDRAW_LAYOUT;
}

static int
act_global(struct ui *ui, enum keys_action a)
{
	switch (a) {
	case KEYS_A_QUIT:
		/* q closes the article first, then quits. */
		if (ui->open >= 0)
			return ui_close_article(ui);
		ui->quit = 1;
		return 0;
	case KEYS_A_CLOSE:
		if (ui->zoom >= 0) {
			ui->zoom = -1;
			return REDRAW_LAYOUT;
		}
		marks_free(&ui->matches);
		marks_free(&ui->mentions);
		ui->jump = NULL;
		return REDRAW_READING;
	case KEYS_A_FOCUS_NEXT:
		return cycle_focus(ui, 1);
	case KEYS_A_FOCUS_PREV:
		return cycle_focus(ui, -1);
	case KEYS_A_FOCUS_LIST:
		return focus_pane(ui, LAYOUT_LIST);
	case KEYS_A_FOCUS_READING:
		return focus_pane(ui, LAYOUT_READING);
	case KEYS_A_FOCUS_HIGHLIGHTS:
		return focus_pane(ui, LAYOUT_HIGHLIGHTS);
	case KEYS_A_FOCUS_SIDEBAR:
		return focus_pane(ui, LAYOUT_SIDEBAR);
	case KEYS_A_TAG_VIEW:
		return show_tags(ui);
	case KEYS_A_HELP:
		ui->help = 1;
		ui->help_top = 0;
		return REDRAW_LAYOUT;
	case KEYS_A_ZOOM:
		ui->zoom = ui->zoom >= 0 ? -1 : ui->focus;
		return REDRAW_LAYOUT;
	case KEYS_A_TOGGLE_HIGHLIGHTS:
		return toggle(ui, LAYOUT_HIGHLIGHTS);
	case KEYS_A_TOGGLE_SIDEBAR:
		return toggle(ui, LAYOUT_SIDEBAR);
	case KEYS_A_CLEAR_FILTER:
		free(ui->filter);
		free(ui->entity_filter);
		ui->filter = ui->entity_filter = NULL;
		store_filter_free(ui->tag_filter);
		free(ui->tag_expr);
		ui->tag_filter = NULL;
		ui->tag_expr = NULL;
		ui->tag_exact = 0;
		ui->unread_only = 0;
		return ui_refilter(ui);
	case KEYS_A_REDRAW:
		clearok(curscr, TRUE);
		return REDRAW_LAYOUT;
	case KEYS_A_OPEN_URL:
		return ui_open_url(ui);
	case KEYS_A_SEARCH:
		return ask(ui, PROMPT_SEARCH);
	case KEYS_A_FILTER_ENTITY:
		return ask(ui, PROMPT_ENTITY_FILTER);
	case KEYS_A_SEARCH_NEXT:
		return reading_jump(ui, 1);
	case KEYS_A_SEARCH_PREV:
		return reading_jump(ui, -1);
	case KEYS_A_NEXT_ARTICLE:
	case KEYS_A_PREV_ARTICLE:
		if (!listmodel_move(&ui->list,
		    a == KEYS_A_NEXT_ARTICLE ? 1 : -1))
			return 0;
		return ui_open_selected(ui);
	default:
		if (!bind_supported(a))
			ui_message(ui, 1, "%s is not available in this "
			    "version", keys_action_name(a));
		return REDRAW_STATUS;
	}
}

/* Actions that change the state store, from any pane. */
static int
act_state(struct ui *ui, enum keys_action a)
{
	switch (a) {
	case KEYS_A_TAG:
		return ask(ui, PROMPT_TAG);
	case KEYS_A_FILTER_TAG:
		return ask(ui, PROMPT_TAG_FILTER);
	case KEYS_A_TOGGLE_READ:
		return ui_toggle_read(ui);
	case KEYS_A_RELOAD:
		return ui_reload(ui);
	default:
		if (a >= KEYS_A_QUICK_TAG_1 && a <= KEYS_A_QUICK_TAG_9)
			return ui_quick_tag(ui, a - KEYS_A_QUICK_TAG_1);
		return -1;
	}
}

int
ui_dispatch(struct ui *ui, enum keys_action a)
{
	struct pane	*p = &ui->pane[ui->focus];
	int		 r;

	if (a == KEYS_A_NONE)
		return 0;
	if (ui->help)
		return help_key(ui, a);
	if (p->key != NULL && (r = p->key(ui, a)) != -1)
		return r;
	if ((r = act_state(ui, a)) != -1)
		return r;
	return act_global(ui, a);
}

