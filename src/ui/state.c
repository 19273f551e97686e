/* state: the reader's own state through store.h -- read marks, tags and
 * saved highlights -- and reloading the library.  Without a store (the
 * data folder cannot be made) read marks live in memory only. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "inkstone/anchor.h"
#include "inkstone/store.h"
#include "inkstone/util.h"

void
state_open(struct ui *ui)
{
	char *cause = NULL;

	ui->store = store_open(ui->g != NULL ? ui->g->data_dir : NULL,
	    ui->lib->root, &cause);
	if (ui->store == NULL) {
		ui_message(ui, 1, "%s (read marks and tags are not kept)",
		    cause);
		free(cause);
	}
	ui->sa = xcalloc(ui->lib->n + 1, sizeof *ui->sa);
	ui->nsa = ui->lib->n;
}

void
state_close(struct ui *ui)
{
	char	*cause = NULL;
	size_t	 i;

	for (i = 0; ui->sa != NULL && i < ui->nsa; i++)
		store_article_free(&ui->sa[i]);
	free(ui->sa);
	ui->sa = NULL;
	ui->nsa = 0;
	if (ui->store != NULL && store_close(ui->store, &cause) == -1) {
		/* The terminal is already restored: say it plainly. */
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
	}
	ui->store = NULL;
}

/* The store's identity of an entry, made when first needed (it hashes the
 * file).  NULL without a store or when the file cannot be read. */
static const struct store_article *
entry_sa(struct ui *ui, const struct library_entry *e)
{
	struct store_article	*sa;
	char			*cause = NULL;

	if (ui->store == NULL || e->id >= ui->nsa)
		return NULL;
	sa = &ui->sa[e->id];
	if (sa->key == NULL &&
	    store_article_init(ui->store, e->path, sa, &cause) == -1) {
		free(cause);
		return NULL;
	}
	return sa;
}

/*
 * The state shown in the list and counted in the status line, looked up by
 * key alone: hashing every file of a large library for its identity would
 * make every redraw read the whole library.  Until an article has been
 * acted on, its key is its path relative to the root, which is what the
 * store keys it by; afterwards, the key the store gave it.
 */
static void
peek(struct ui *ui, const struct library_entry *e, struct store_state *st)
{
	memset(st, 0, sizeof *st);
	if (ui->store == NULL)
		return;
	store_get_key(ui->store, e->id < ui->nsa && ui->sa[e->id].key != NULL ?
	    ui->sa[e->id].key : e->rel, st);
}

int
state_is_read(struct ui *ui, const struct library_entry *e)
{
	struct store_state st;

	peek(ui, e, &st);
	return st.read || ui->read[e->id];
}

int
state_has_tags(struct ui *ui, const struct library_entry *e)
{
	struct store_state st;

	if (library_ntags(ui->lib, e) > 0)
		return 1;
	peek(ui, e, &st);
	return st.ntags > 0;
}

/* The entry's tags, the reader's then the article's own (a tag may be in
 * both): an allocated array of pointers valid until the store changes. */
size_t
state_entry_tags(struct ui *ui, const struct library_entry *e,
    const char ***out)
{
	struct store_state	  st;
	const char		**tags;
	size_t			  n = 0, i, own;

	peek(ui, e, &st);
	own = library_ntags(ui->lib, e);
	tags = xcalloc(st.ntags + own + 1, sizeof *tags);
	for (i = 0; i < st.ntags; i++)
		tags[n++] = st.tags[i];
	for (i = 0; i < own; i++)
		tags[n++] = library_tag(ui->lib, e, i);
	*out = tags;
	return n;
}

/* The entry's tags, the article's own and the reader's, for filters. */
int
state_tags_match(struct ui *ui, const struct library_entry *e,
    const struct store_filter *f)
{
	const char	**tags;
	size_t		  n;
	int		  r;

	n = state_entry_tags(ui, e, &tags);
	r = store_filter_match(f, (char *const *)(uintptr_t)tags, n);
	free(tags);
	return r;
}

void
state_mark_read(struct ui *ui, const struct library_entry *e)
{
	const struct store_article	*sa = entry_sa(ui, e);
	char				*cause = NULL;

	ui->read[e->id] = 1;
	ui->unread_valid = 0;
	if (sa != NULL && store_read_set(ui->store, sa, 1, &cause) == -1) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
}

/* The article the state keys act on: the open one in the reading pane and
 * the side panes, the selected one in the list. */
static const struct library_entry *
current(struct ui *ui)
{
	if (ui->focus == LAYOUT_LIST || ui->open < 0)
		return list_selected(ui);
	return &ui->lib->v[ui->open];
}

static int
need_store(struct ui *ui, const struct library_entry **e,
    const struct store_article **sa)
{
	*e = current(ui);
	if (*e == NULL) {
		ui_message(ui, 1, "no article");
		return -1;
	}
	if (ui->store == NULL || (*sa = entry_sa(ui, *e)) == NULL) {
		ui_message(ui, 1, "the reader's state is not available");
		return -1;
	}
	return 0;
}

int
ui_toggle_read(struct ui *ui)
{
	const struct library_entry	*e;
	const struct store_article	*sa;
	char				*cause = NULL;

	if ((e = current(ui)) == NULL)
		return 0;
	ui->unread_valid = 0;
	if (ui->store == NULL || (sa = entry_sa(ui, e)) == NULL) {
		ui->read[e->id] = !ui->read[e->id];
		return REDRAW_LIST | REDRAW_STATUS;
	}
	ui->read[e->id] = 0;
	if (store_read_toggle(ui->store, sa, &cause) == -1) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	return REDRAW_LIST | REDRAW_STATUS;
}

static int
apply_tags(struct ui *ui, const struct library_entry *e, char *const *v,
    size_t n)
{
	const struct store_article	*sa = entry_sa(ui, e);
	char				*cause = NULL;

	if (sa == NULL) {
		ui_message(ui, 1, "%s: cannot be tagged", e->rel);
		return -1;
	}
	if (store_tag_apply(ui->store, sa, v, n, &cause) == -1) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* Applies "+a -b c" (a bare word adds) to the marked articles when the
 * list has marks and is focused, else to the current article. */
int
state_tag(struct ui *ui, const char *words)
{
	const struct library_entry	*e;
	const struct store_article	*sa;
	char				*copy, *w, *save, **v = NULL;
	size_t				 n = 0, i, done = 0;

	if (need_store(ui, &e, &sa) == -1)
		return REDRAW_STATUS;
	copy = xstrdup(words);
	for (w = strtok_r(copy, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save)) {
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = *w == '+' || *w == '-' ? xstrdup(w) :
		    xasprintf("+%s", w);
	}
	if (n > 0 && ui->focus == LAYOUT_LIST && ui->nmarked > 0) {
		for (i = 0; i < ui->lib->n; i++)
			if (ui->marked[ui->lib->v[i].id] &&
			    apply_tags(ui, &ui->lib->v[i], v, n) == 0)
				done++;
		if (done == ui->nmarked) {
			ui_message(ui, 0, "tagged %zu articles: %s", done,
			    words);
			memset(ui->marked, 0, ui->lib->n);
			ui->nmarked = 0;
		}
	} else if (n > 0 && apply_tags(ui, e, v, n) == 0)
		ui_message(ui, 0, "tagged %s: %s", library_title(e), words);
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
	free(copy);
	return REDRAW_LIST | REDRAW_STATUS | REDRAW_READING;
}

/* Renames tag from to to on every article of the store (one save) and
 * says how many articles changed; a tag filter of that one tag follows
 * the new name. */
int
state_rename_tag(struct ui *ui, const char *from, const char *to)
{
	char	*old, *cause = NULL;
	size_t	 i, k, own = 0;
	int	 n, r = REDRAW_LIST | REDRAW_STATUS;

	if (ui->store == NULL) {
		ui_message(ui, 1, "the reader's state is not available");
		return REDRAW_STATUS;
	}
	old = xstrdup(from);	/* from may be the tag view's, redone below */
	if ((n = store_tag_rename(ui->store, old, to, &cause)) == -1) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		free(old);
		return REDRAW_STATUS;
	}
	for (i = 0; i < ui->lib->n; i++)
		for (k = 0; k < library_ntags(ui->lib, &ui->lib->v[i]); k++)
			own += strcmp(library_tag(ui->lib, &ui->lib->v[i], k),
			    old) == 0;
	if (own > 0)
		ui_message(ui, 0, "renamed %s to %s on %d article%s; %zu keep "
		    "it in their front matter", old, to, n, n == 1 ? "" : "s",
		    own);
	else
		ui_message(ui, 0, "renamed %s to %s on %d article%s", old, to,
		    n, n == 1 ? "" : "s");
	if (ui->tag_expr != NULL && strcmp(ui->tag_expr, old) == 0)
		r |= ui->tag_exact ? ui_set_tag_exact(ui, xstrdup(to)) :
		    ui_set_tag_filter(ui, xstrdup(to));
	else if (ui->tag_filter != NULL)
		r |= ui_refilter(ui);
	if (ui->tagview)
		tagview_count(ui, to);
	free(old);
	return r;
}

int
ui_quick_tag(struct ui *ui, int n)
{
	const struct library_entry	*e;
	const struct store_article	*sa;
	struct store_state		 st;
	const char			*tag = ui->cfg.quick_tags[n];
	char				*cause = NULL;
	size_t				 i;
	int				 has = 0, r;

	if (tag == NULL) {
		ui_message(ui, 1, "quick-tag-%d is not set in the config",
		    n + 1);
		return REDRAW_STATUS;
	}
	if (need_store(ui, &e, &sa) == -1)
		return REDRAW_STATUS;
	store_get(ui->store, sa, &st);
	for (i = 0; i < st.ntags; i++)
		has |= strcmp(st.tags[i], tag) == 0;
	r = has ? store_tag_remove(ui->store, sa, tag, &cause) :
	    store_tag_add(ui->store, sa, tag, &cause);
	if (r == -1) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	} else
		ui_message(ui, 0, "%s%s", has ? "-" : "+", tag);
	return REDRAW_LIST | REDRAW_STATUS;
}

/* The reader's saved highlights of the open article, anchored in its
 * paragraphs: appended to the highlights pane and marked in the text. */
void
state_highlights(struct ui *ui)
{
	const struct library_entry	*e = &ui->lib->v[ui->open];
	const struct article		*a = e->article;
	const struct store_article	*sa;
	const struct store_highlight	*h;
	struct store_state		 st;
	struct anchor_match		 m;
	struct hl_item			*it;
	size_t				 i;

	marks_free(&ui->saved);
	if (a == NULL || (sa = entry_sa(ui, e)) == NULL)
		return;
	store_get(ui->store, sa, &st);
	ui->hl = xreallocarray(ui->hl, ui->nhl + st.nhl + 1, sizeof *ui->hl);
	for (i = 0; i < st.nhl; i++) {
		h = &st.hl[i];
		it = &ui->hl[ui->nhl++];
		memset(it, 0, sizeof *it);
		it->saved = 1;
		it->owned = xstrdup(h->quote);
		it->text = it->owned;
		memcpy(it->id, h->id, sizeof it->id);
		if (h->note != NULL && *h->note != '\0')
			it->note = xstrdup(h->note);
		if (anchor_find(a->paras, a->npara, h->quote, h->before,
		    h->after, h->para, h->offset, &m) == 0) {
			it->para = m.para;
			it->start = m.start;
			it->end = m.end;
			marks_add(&ui->saved, RENDER_BODY, m.para, m.start,
			    m.end, THEME_HIGHLIGHT);
		} else
			it->orphaned = 1;
	}
	if (ui->saved.n > 1)
		marks_sort(&ui->saved);
}

/* Asks for the note of the n spans of v (body paragraphs, one highlight
 * each); the prompt's Enter keeps them (state_keep_asked), its Escape
 * does not. */
int
state_ask_keep(struct ui *ui, const struct mark *v, size_t n)
{
	const struct library_entry	*e;
	const struct store_article	*sa;
	size_t				 i;

	if (need_store(ui, &e, &sa) == -1)
		return REDRAW_STATUS;
	if (n == 0) {
		ui_message(ui, 1, "nothing selected to keep");
		return REDRAW_STATUS;
	}
	marks_free(&ui->keeping);
	for (i = 0; i < n; i++)
		marks_add(&ui->keeping, RENDER_BODY, v[i].para, v[i].start,
		    v[i].end, THEME_HIGHLIGHT);
	ui->prompting = PROMPT_KEEP;
	buf_free(&ui->prompt);
	buf_add(&ui->prompt, "", 0);
	return REDRAW_STATUS;
}

/* Keeps what state_ask_keep asked about, each span with note. */
int
state_keep_asked(struct ui *ui, const char *note)
{
	size_t	i, n = ui->keeping.n;
	int	r = 0;

	for (i = 0; i < n; i++)
		r |= state_keep(ui, ui->keeping.v[i].para,
		    ui->keeping.v[i].start, ui->keeping.v[i].end, note);
	if (n > 1 && ui->message != NULL && !ui->message_error)
		ui_message(ui, 0, "%zu highlights kept, one a paragraph%s", n,
		    note != NULL && *note != '\0' ? ", with the note" : "");
	marks_free(&ui->keeping);
	return r;
}

/* Keeps [start, end) of body paragraph para as a highlight with note
 * (NULL or "": none). */
int
state_keep(struct ui *ui, size_t para, size_t start, size_t end,
    const char *note)
{
	const struct library_entry	*e;
	const struct store_article	*sa;
	struct store_highlight		 h;
	char				 id[STORE_ID_LEN + 1], *cause = NULL;
	int				 r;

	if (need_store(ui, &e, &sa) == -1 || e->article == NULL ||
	    para >= e->article->npara)
		return REDRAW_STATUS;
	memset(&h, 0, sizeof h);
	if (anchor_make(&e->article->paras[para], start, end, STORE_CONTEXT,
	    &h.quote, &h.before, &h.after) == -1)
		return REDRAW_STATUS;
	h.para = para;
	h.offset = start;
	h.note = note != NULL && *note != '\0' ? (char *)(uintptr_t)note : NULL;
	r = store_highlight_add(ui->store, sa, &h, id, &cause);
	free(h.quote);
	free(h.before);
	free(h.after);
	if (r == -1) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return REDRAW_STATUS;
	}
	ui_message(ui, 0, h.note != NULL ? "highlight kept with its note" :
	    "highlight kept");
	highlights_reset(ui);
	/* Show the new one: the store keeps creation order. */
	if (ui->nhl > 0)
		ui->hl_sel = ui->nhl - 1;
	return REDRAW_HIGHLIGHTS | REDRAW_READING | REDRAW_STATUS;
}

int
state_delete_highlight(struct ui *ui, const char *id)
{
	const struct library_entry	*e;
	const struct store_article	*sa;
	char				*cause = NULL;

	if (need_store(ui, &e, &sa) == -1)
		return REDRAW_STATUS;
	if (store_highlight_delete(ui->store, sa, id, &cause) == -1) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return REDRAW_STATUS;
	}
	ui_message(ui, 0, "highlight deleted");
	highlights_reset(ui);
	return REDRAW_HIGHLIGHTS | REDRAW_READING | REDRAW_STATUS;
}

/* Sets (or, when empty, removes) the note of the selected saved highlight. */
int
state_note(struct ui *ui, const char *note)
{
	const struct library_entry	*e;
	const struct store_article	*sa;
	char				*cause = NULL;
	size_t				 sel = ui->hl_sel;

	if (need_store(ui, &e, &sa) == -1 || sel >= ui->nhl ||
	    !ui->hl[sel].saved)
		return REDRAW_STATUS;
	if (store_highlight_note(ui->store, sa, ui->hl[sel].id, note,
	    &cause) == -1) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return REDRAW_STATUS;
	}
	ui_message(ui, 0, *note != '\0' ? "note kept" : "note removed");
	highlights_reset(ui);
	ui->hl_sel = sel < ui->nhl ? sel : 0;
	return REDRAW_HIGHLIGHTS | REDRAW_STATUS;
}
