/* status: the status line, the prompt it holds while the reader types a
 * search or a filter, and the help overlay. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "pane.h"
#include "inkstone/store.h"
#include "inkstone/text.h"
#include "inkstone/util.h"

/* Counted again only when a read mark changed (state.c and the library's
 * reloads say so): a count per redraw would cost every key in a library of
 * 100,000 articles a pass over the store. */
static size_t
unread(struct ui *ui)
{
	size_t	i, n = 0;

	if (ui->unread_valid)
		return ui->unread;
	for (i = 0; i < ui->lib->n; i++)
		n += !ui->lib->v[i].failed && !state_is_read(ui, &ui->lib->v[i]);
	ui->unread = n;
	ui->unread_valid = 1;
	return n;
}

static const char *
prompt_label(enum prompt p)
{
	switch (p) {
	case PROMPT_FILTER:
		return "filter: ";
	case PROMPT_ENTITY:
		return "entity: ";
	case PROMPT_ENTITY_FILTER:
		return "articles naming: ";
	case PROMPT_TAG_FILTER:
		return "tags (+a -b untagged): ";
	case PROMPT_TAG:
		return "tag (+a -b): ";
	case PROMPT_NOTE:
		return "note: ";
	case PROMPT_KEEP:
		return "note (Enter: none, Escape: do not keep): ";
	case PROMPT_RENAME_TAG:
		return "rename tag to: ";
	case PROMPT_ENTITY_NAME:
		return "new entity (C-w drops a word): ";
	default:
		return "/";
	}
}

static void
summary(struct ui *ui, struct buf *b, int brief)
{
	const char	*name = ui->libpath, *slash;
	char		*tag;
	size_t		 done, total;

	if (brief && (slash = strrchr(name, '/')) != NULL && slash[1] != '\0')
		name = slash + 1;
	buf_addf(b, " %s", name);
	if (ui->nview > 0)
		buf_addf(b, "  article %zu of %zu", ui->list.sel + 1,
		    ui->nview);
	else
		buf_addf(b, "  no articles");
	buf_addf(b, "  %zu unread", unread(ui));
	if (ui->indexer != NULL) {
		indexer_progress(ui->indexer, &done, &total);
		if (total == 0)
			buf_addf(b, "  scanning");
		else
			buf_addf(b, "  indexing %zu%%", 100 * done / total);
	}
	if (ui->filter != NULL)
		buf_addf(b, "  filter \"%s\"", ui->filter);
	if (ui->entity_filter != NULL)
		buf_addf(b, "  entity \"%s\"", ui->entity_filter);
	if (ui->tag_expr != NULL && ui->tag_exact) {
		/* One tag, which may hold anything. */
		tag = text_clean(ui->tag_expr, strlen(ui->tag_expr), NULL);
		buf_addf(b, "  tag \"%s\"", tag);
		free(tag);
	} else if (ui->tag_expr != NULL)
		buf_addf(b, "  tags \"%s\"", ui->tag_expr);
	if (ui->unread_only)
		buf_addf(b, "  unread only");
}

void
status_draw(struct ui *ui)
{
	WINDOW		*w = ui->statuswin;
	struct buf	 b = { 0 };
	size_t		 off;
	int		 x, mw, mx;

	draw_fill(w, 0, 0, ui->cols, THEME_STATUS);
	if (ui->prompting) {
		if (ui->prompting == PROMPT_RENAME_TAG && ui->ntags > 0 &&
		    ui->tags[ui->tagl.sel].tag != NULL)
			buf_addf(&b, "rename tag %s to: ",
			    ui->tags[ui->tagl.sel].name);
		else if (ui->prompting == PROMPT_ENTITY_TYPE)
			buf_addf(&b, "%s is PERSON ORG PLACE MONEY PERCENT "
			    "DATE? (Tab completes): ", ui->ent_new != NULL ?
			    ui->ent_new : "");
		else
			buf_adds(&b, prompt_label(ui->prompting));
		buf_add(&b, ui->prompt.data, ui->prompt.len);
		/* Keep the end of a long query in sight, and room for the
		 * cursor after it. */
		off = 0;
		while (off < b.len && draw_width(b.data + off, b.len - off) >=
		    ui->cols - 1) {
			off++;
			while (off < b.len &&
			    ((unsigned char)b.data[off] & 0xc0) == 0x80)
				off++;
		}
		x = draw_text(w, 0, 0, ui->cols, b.data + off, b.len - off,
		    THEME_PROMPT);
		if (x < ui->cols)
			draw_fill(w, 0, x, 1, THEME_TITLE_FOCUS);
		buf_free(&b);
		return;
	}
	/* The message takes the right end, at most two thirds of the line;
	 * the summary keeps what is left. */
	mx = ui->cols;
	if (ui->message != NULL) {
		mw = draw_width(ui->message, strlen(ui->message));
		mx = ui->cols - mw - 1;
		if (mx < ui->cols / 3)
			mx = ui->cols / 3;
		draw_text(w, 0, mx, ui->cols - mx, ui->message,
		    strlen(ui->message), ui->message_error ?
		    THEME_STATUS_ERROR : THEME_STATUS);
	} else if (ui->lib->n > 0 && ui->cols > 40) {
		mx = ui->cols - 8;
		draw_text(w, 0, mx, 8, "? help", 6, THEME_STATUS);
	}
	summary(ui, &b, 0);
	if (draw_width(b.data, b.len) >= mx - 1) {
		/* Short of room: the library by its last name only. */
		buf_free(&b);
		summary(ui, &b, 1);
	}
	draw_text(w, 0, 0, mx - 1 > 0 ? mx - 1 : 0, b.data, b.len,
	    THEME_STATUS);
	buf_free(&b);
}

/* Deletes the last code point of the prompt. */
static void
prompt_backspace(struct buf *b)
{
	while (b->len > 0) {
		b->len--;
		if (((unsigned char)b->data[b->len] & 0xc0) != 0x80)
			break;
	}
	b->data[b->len] = '\0';
}

int
ui_set_tag_filter(struct ui *ui, char *expr)
{
	struct store_filter	*f = NULL;
	char			*cause = NULL;

	if (*expr != '\0' && (f = store_filter_parse(expr, &cause)) == NULL) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		free(expr);
		return REDRAW_STATUS;
	}
	store_filter_free(ui->tag_filter);
	free(ui->tag_expr);
	ui->tag_filter = f;
	ui->tag_expr = f != NULL ? expr : NULL;
	ui->tag_exact = 0;
	if (f == NULL)
		free(expr);
	return ui_refilter(ui);
}

/* Filters by one tag, taking it (allocated) as it is: the tag view's. */
int
ui_set_tag_exact(struct ui *ui, char *tag)
{
	store_filter_free(ui->tag_filter);
	free(ui->tag_expr);
	ui->tag_filter = store_filter_tag(tag);
	ui->tag_expr = tag;
	ui->tag_exact = 1;
	return ui_refilter(ui);
}

static int
prompt_done(struct ui *ui)
{
	enum prompt	 what = ui->prompting;
	char		*q = xstrndup(ui->prompt.data, ui->prompt.len);
	int		 r = REDRAW_STATUS;

	ui->prompting = PROMPT_NONE;
	switch (what) {
	case PROMPT_FILTER:
		free(ui->filter);
		ui->filter = *q != '\0' ? xstrdup(q) : NULL;
		r |= ui_refilter(ui);
		break;
	case PROMPT_ENTITY_FILTER:
		free(ui->entity_filter);
		ui->entity_filter = *q != '\0' ? xstrdup(q) : NULL;
		r |= ui_refilter(ui);
		break;
	case PROMPT_TAG_FILTER:
		return ui_set_tag_filter(ui, q) | REDRAW_STATUS;
	case PROMPT_TAG:
		r |= state_tag(ui, q);
		break;
	case PROMPT_NOTE:
		r |= state_note(ui, q);
		break;
	case PROMPT_KEEP:
		ui->visual = 0;
		marks_free(&ui->selmarks);
		r |= state_keep_asked(ui, q) | REDRAW_READING;
		break;
	case PROMPT_RENAME_TAG:
		if (*q != '\0' && ui->tagview && ui->ntags > 0 &&
		    ui->tags[ui->tagl.sel].tag != NULL)
			r |= state_rename_tag(ui, ui->tags[ui->tagl.sel].tag, q);
		break;
	case PROMPT_ENTITY:
		if (*q != '\0')
			r |= sidebar_find(ui, q);
		break;
	case PROMPT_ENTITY_NAME:
		r |= entedit_name(ui, q);
		break;
	case PROMPT_ENTITY_TYPE:
		r |= entedit_type(ui, q);
		break;
	default:
		/* An empty search repeats the last one. */
		r |= reading_search(ui, *q == '\0' && ui->query != NULL ?
		    ui->query : q);
		break;
	}
	free(q);
	return r;
}

/* Leaves the prompt without acting on it; a highlight waiting for its
 * note is not kept (the selection stays, to be changed or dropped). */
static int
prompt_cancel(struct ui *ui)
{
	if (ui->prompting == PROMPT_KEEP) {
		marks_free(&ui->keeping);
		ui_message(ui, 0, "highlight not kept");
	}
	ui->prompting = PROMPT_NONE;
	return REDRAW_STATUS;
}

/* Backspace on an empty prompt leaves it, except the note of a highlight
 * being kept: only Escape drops that. */
static int
prompt_erase(struct ui *ui)
{
	if (ui->prompt.len > 0)
		prompt_backspace(&ui->prompt);
	else if (ui->prompting != PROMPT_KEEP)
		ui->prompting = PROMPT_NONE;
	return REDRAW_STATUS;
}

int
status_prompt_key(struct ui *ui, int is_fn, wint_t ch)
{
	char		 u[4];
	size_t		 n, clean_len;
	char		*clean;

	if (is_fn) {
		if (ch == KEY_BACKSPACE || ch == KEY_DC)
			return prompt_erase(ui);
		else if (ch == KEY_ENTER)
			return prompt_done(ui);
		return REDRAW_STATUS;
	}
	switch (ch) {
	case '\r':
	case '\n':
		return prompt_done(ui);
	case 27:	/* Escape */
	case 7:		/* C-g */
		return prompt_cancel(ui);
	case 8:
	case 127:
		return prompt_erase(ui);
	case 21:	/* C-u */
		ui->prompt.len = 0;
		ui->prompt.data[0] = '\0';
		return REDRAW_STATUS;
	case 23:	/* C-w: the last word, and the spaces after it */
		while (ui->prompt.len > 0 &&
		    ui->prompt.data[ui->prompt.len - 1] == ' ')
			prompt_backspace(&ui->prompt);
		while (ui->prompt.len > 0 &&
		    ui->prompt.data[ui->prompt.len - 1] != ' ')
			prompt_backspace(&ui->prompt);
		while (ui->prompt.len > 0 &&
		    ui->prompt.data[ui->prompt.len - 1] == ' ')
			prompt_backspace(&ui->prompt);
		return REDRAW_STATUS;
	case '\t':
		if (ui->prompting == PROMPT_ENTITY_TYPE)
			entedit_complete(ui);
		return REDRAW_STATUS;
	default:
		break;
	}
	if (ch < 0x20 || ch > 0x10ffff)
		return 0;
	n = text_encode((uint32_t)ch, u);
	clean = text_clean(u, n, &clean_len);
	buf_add(&ui->prompt, clean, clean_len);
	free(clean);
	return REDRAW_STATUS;
}

void
help_draw(struct ui *ui)
{
	WINDOW		 *w = ui->helpwin;
	char		**lines, **vis;
	const char	 *title = " Keys in force (j/k scroll, q or ? closes)";
	const char	 *mouse = "mouse: the wheel scrolls the pane under the "
			    "pointer; a click focuses the pane and selects";
	size_t		  n, nv, i;
	int		  y, rows = ui->rows - 1;

	werase(w);
	n = bind_help_lines(ui, ui->pane[ui->focus].ctx, &lines);
	if (ui->focus == LAYOUT_READING) {
		/* And what v adds. */
		nv = bind_help_lines(ui, KEYS_VISUAL, &vis);
		lines = xreallocarray(lines, n + nv + 1, sizeof *lines);
		memcpy(lines + n, vis, nv * sizeof *vis);
		n += nv;
		free(vis);
	}
	if (ui->help_top + 1 > n)
		ui->help_top = n > 0 ? n - 1 : 0;
	draw_fill(w, 0, 0, ui->cols, THEME_TITLE_FOCUS);
	draw_text(w, 0, 0, ui->cols, title, strlen(title), THEME_TITLE_FOCUS);
	for (y = 1; y < rows; y++)
		draw_fill(w, y, 0, ui->cols, THEME_HELP);
	for (y = 1, i = ui->help_top; i < n && y < rows; i++, y++)
		draw_text(w, y, 1, ui->cols - 1, lines[i], strlen(lines[i]),
		    lines[i][0] != ' ' ? THEME_HELP_KEY : THEME_HELP);
	if (y + 1 < rows)
		draw_text(w, y + 1, 1, ui->cols - 1, mouse, strlen(mouse),
		    THEME_HELP);
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

int
help_key(struct ui *ui, enum keys_action a)
{
	size_t step = a == KEYS_A_DOWN || a == KEYS_A_UP ? 1 :
	    (size_t)(ui->rows / 2);

	switch (a) {
	case KEYS_A_CLOSE:
	case KEYS_A_HELP:
	case KEYS_A_QUIT:
		ui->help = 0;
		return REDRAW_LAYOUT;
	case KEYS_A_DOWN:
	case KEYS_A_PAGE_DOWN:
	case KEYS_A_HALF_DOWN:
		ui->help_top += step;
		return REDRAW_ALL;
	case KEYS_A_UP:
	case KEYS_A_PAGE_UP:
	case KEYS_A_HALF_UP:
		ui->help_top -= ui->help_top < step ? ui->help_top : step;
		return REDRAW_ALL;
	case KEYS_A_TOP:
		ui->help_top = 0;
		return REDRAW_ALL;
	default:
		return 0;
	}
}
