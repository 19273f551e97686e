/* entedit: the reader's entity keys.  E in the reading pane makes the
 * selected words an entity (a prompt for the name, then one for the type);
 * in the sidebar i ignores the entity under the cursor, m marks one and a
 * merges the marked one into the one under the cursor as aliases.  Each
 * change is written to the user's entities.yaml at once (entfile.h) and
 * reaches the whole library: the sidebar extracts again now, and the
 * indexer re-extracts every article, since the index sees the entity
 * database's fingerprint change. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pane.h"
#include "inkstone/entfile.h"
#include "inkstone/entity.h"
#include "inkstone/text.h"
#include "inkstone/util.h"

/* The longest name taken from a selection, in bytes. */
#define NAME_MAX_BYTES	200

static char *
user_path(struct ui *ui)
{
	char	*dir, *path;

	dir = ui->g != NULL && ui->g->data_dir != NULL ?
	    xstrdup(ui->g->data_dir) : util_data_dir();
	path = util_path_join(dir, "entities.yaml");
	free(dir);
	return path;
}

/* The user's file, or NULL with the reason on the status line: a file
 * that does not read is left as it is. */
static struct entfile *
open_file(struct ui *ui)
{
	struct entfile	*f;
	char		*path = user_path(ui), *cause = NULL;

	f = entfile_load(path, &cause);
	free(path);
	if (f == NULL) {
		ui_message(ui, 1, "%s (nothing changed)", cause);
		free(cause);
	}
	return f;
}

/* Writes f if r (what the edit returned) says it changed, and brings the
 * library up to date.  Returns 1 if it did, 0 if there was nothing to
 * write, -1 on failure (said on the status line). */
static int
commit(struct ui *ui, struct entfile *f, int r, char *cause,
    const char *select)
{
	if (r == -1) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		entfile_free(f);
		return -1;
	}
	if (r == 0) {
		entfile_free(f);
		return 0;
	}
	if (entfile_save(f, &cause) == -1) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		entfile_free(f);
		return -1;
	}
	entfile_free(f);
	sidebar_reload(ui, select);
	if (ui->entity_filter != NULL)
		ui_refilter(ui);
	/* The index's entities are stale now: the indexer extracts every
	 * article again (after the run under way, if one is). */
	if (!ui->lib->single) {
		if (ui->indexer == NULL)
			ui->indexer_pending = 1;
		else
			ui->entities_stale = 1;
	}
	return 1;
}

static int
ask(struct ui *ui, enum prompt what, const char *text)
{
	ui->prompting = what;
	buf_free(&ui->prompt);
	buf_add(&ui->prompt, text, strlen(text));
	return REDRAW_STATUS;
}

/* Bytes [start, end) of body paragraph para, white space made single
 * spaces, harmless to draw, cut to NAME_MAX_BYTES on a character. */
static char *
span_text(const struct article *a, size_t para, size_t start, size_t end)
{
	struct buf	 b = { 0 };
	char		*clean;
	size_t		 len, i;
	int		 gap = 0;

	if (para >= a->npara || start >= end || end > a->paras[para].len)
		return xstrdup("");
	clean = text_clean(a->paras[para].text + start, end - start, &len);
	for (i = 0; i < len; i++) {
		if (clean[i] == ' ' || clean[i] == '\n' || clean[i] == '\t') {
			gap = b.len > 0;
			continue;
		}
		if (gap)
			buf_addc(&b, ' ');
		gap = 0;
		buf_addc(&b, clean[i]);
	}
	free(clean);
	buf_add(&b, "", 0);
	if (b.len > NAME_MAX_BYTES) {
		len = NAME_MAX_BYTES;
		while (len > 0 && ((unsigned char)b.data[len] & 0xc0) == 0x80)
			len--;
		b.len = len;
		b.data[len] = '\0';
	}
	return buf_take(&b, NULL);
}

int
entedit_add(struct ui *ui)
{
	const struct mark		*m;
	const struct article		*art;
	char				*text;
	int				 r;

	if (ui->open < 0 || (art = ui->lib->v[ui->open].article) == NULL)
		return 0;
	if (ui->visual && ui->selmarks.n > 1) {
		ui_message(ui, 1, "an entity's name stands in one paragraph: "
		    "select less (b, ( or {)");
		return REDRAW_STATUS;
	} else if (ui->visual && ui->selmarks.n == 1) {
		m = &ui->selmarks.v[0];
		text = span_text(art, m->para, m->start, m->end);
		ui->visual = 0;
		marks_free(&ui->selmarks);
	} else if (ui->jump != NULL && ui->jump_cur < ui->jump->n &&
	    ui->jump->v[ui->jump_cur].kind == RENDER_BODY) {
		/* As h keeps it: the match at the cursor. */
		m = &ui->jump->v[ui->jump_cur];
		text = span_text(art, m->para, m->start, m->end);
	} else {
		ui_message(ui, 1, "select the words with v first (or search "
		    "for them with /)");
		return REDRAW_STATUS;
	}
	/* The name stays the reader's to change before it is kept (C-w
	 * takes a word off the end, C-u all of it). */
	r = ask(ui, PROMPT_ENTITY_NAME, text);
	free(text);
	return r | REDRAW_READING;
}

int
entedit_name(struct ui *ui, const char *name)
{
	if (*name == '\0')
		return REDRAW_STATUS;
	free(ui->ent_new);
	ui->ent_new = xstrdup(name);
	ui->ent_tab[0] = '\0';
	return ask(ui, PROMPT_ENTITY_TYPE, "");
}

/* The types whose names start with prefix (any case), as a bit set. */
static unsigned
type_matches(const char *prefix)
{
	unsigned	t, set = 0;
	size_t		len = strlen(prefix);

	for (t = 0; t < ENTITY_NTYPES; t++)
		if (strncasecmp(entity_type_name(t), prefix, len) == 0)
			set |= 1u << t;
	return set;
}

/* The type named by what was typed: a type's name or the start of only
 * one (any case), else -1. */
static int
type_of(const char *typed)
{
	unsigned	set = type_matches(typed), t;
	int		r = entity_type_parse(typed);

	if (r != -1 || *typed == '\0' || set == 0 || (set & (set - 1)) != 0)
		return r;
	for (t = 0; set != 1u << t; t++)
		;
	return (int)t;
}

void
entedit_complete(struct ui *ui)
{
	const char	*now = ui->prompt.data != NULL ? ui->prompt.data : "";
	unsigned	 set, t, from, i;
	int		 cur = entity_type_parse(now);

	/* Tab on a whole type name goes on to the next one that matches
	 * what was typed before Tab; on anything else it completes it. */
	if (cur == -1) {
		snprintf(ui->ent_tab, sizeof ui->ent_tab, "%s", now);
		from = 0;
	} else {
		if (strncasecmp(now, ui->ent_tab, strlen(ui->ent_tab)) != 0)
			ui->ent_tab[0] = '\0';
		from = (unsigned)cur + 1;
	}
	if ((set = type_matches(ui->ent_tab)) == 0)
		return;
	for (i = 0; i < ENTITY_NTYPES; i++) {
		t = (from + i) % ENTITY_NTYPES;
		if (set & (1u << t)) {
			ask(ui, PROMPT_ENTITY_TYPE, entity_type_name(t));
			return;
		}
	}
}

int
entedit_type(struct ui *ui, const char *typed)
{
	struct entfile	*f;
	char		*cause = NULL, *name;
	int		 t, r;

	if (ui->ent_new == NULL)
		return REDRAW_STATUS;
	if ((t = type_of(typed)) == -1) {
		/* Not one type yet ("p" is three): ask again, with what was
		 * typed completed to the first that fits. */
		if (*typed != '\0' && type_matches(typed) != 0) {
			ask(ui, PROMPT_ENTITY_TYPE, typed);
			entedit_complete(ui);
		} else
			ask(ui, PROMPT_ENTITY_TYPE, "");
		return REDRAW_STATUS;
	}
	if ((f = open_file(ui)) == NULL)
		return REDRAW_STATUS;
	name = ui->ent_new;
	ui->ent_new = NULL;
	r = entfile_add(f, name, (enum entity_type)t, &cause);
	if (commit(ui, f, r, cause, name) >= 0)
		ui_message(ui, 0, "%s is %s now (entities.yaml)", name,
		    entity_type_name((enum entity_type)t));
	free(name);
	return REDRAW_SIDEBAR | REDRAW_READING | REDRAW_LIST | REDRAW_STATUS;
}

int
entedit_ignore(struct ui *ui, const struct entity *e)
{
	struct entfile	*f;
	char		*cause = NULL, *name;
	int		 r;

	if (e == NULL)
		return 0;
	if ((f = open_file(ui)) == NULL)
		return REDRAW_STATUS;
	/* e goes with the reload. */
	name = xstrdup(e->name);
	if (entedit_is_marked(ui, e))
		entedit_unmark(ui);
	r = entfile_ignore(f, name, &cause);
	if (commit(ui, f, r, cause, NULL) >= 0)
		ui_message(ui, 0, "%s is ignored now (entities.yaml)", name);
	free(name);
	return REDRAW_SIDEBAR | REDRAW_READING | REDRAW_LIST | REDRAW_STATUS;
}

int
entedit_is_marked(const struct ui *ui, const struct entity *e)
{
	return ui->ent_mark != NULL && (int)e->type == ui->ent_mark_type &&
	    strcmp(ui->ent_mark[0], e->name) == 0;
}

int
entedit_unmark(struct ui *ui)
{
	size_t i;

	if (ui->ent_mark == NULL)
		return 0;
	for (i = 0; i < ui->nent_mark; i++)
		free(ui->ent_mark[i]);
	free(ui->ent_mark);
	ui->ent_mark = NULL;
	ui->nent_mark = 0;
	return REDRAW_SIDEBAR | REDRAW_STATUS;
}

int
entedit_mark(struct ui *ui, const struct entity *e)
{
	size_t i;

	if (e == NULL)
		return 0;
	if (entedit_is_marked(ui, e)) {
		entedit_unmark(ui);
		ui_message(ui, 0, "mark cleared");
		return REDRAW_SIDEBAR | REDRAW_STATUS;
	}
	entedit_unmark(ui);
	/* Copies: the mark outlives this article's entities (it may be
	 * merged into an entity of another article). */
	ui->nent_mark = 1 + e->naliases;
	ui->ent_mark = xcalloc(ui->nent_mark, sizeof *ui->ent_mark);
	ui->ent_mark[0] = xstrdup(e->name);
	for (i = 0; i < e->naliases; i++)
		ui->ent_mark[1 + i] = xstrdup(e->aliases[i]);
	ui->ent_mark_type = (int)e->type;
	ui_message(ui, 0, "%s marked: a on another entity merges it there, "
	    "Escape clears", e->name);
	return REDRAW_SIDEBAR | REDRAW_STATUS;
}

int
entedit_merge(struct ui *ui, const struct entity *e)
{
	struct entfile		 *f;
	const char *const	 *gz;
	const char		**forms;
	char			 *cause = NULL, *into, *from;
	size_t			  n, ngz = 0, i;
	int			  r;

	if (e == NULL)
		return 0;
	if (ui->ent_mark == NULL) {
		ui_message(ui, 1, "mark the entity to merge with m first");
		return REDRAW_STATUS;
	}
	if (entedit_is_marked(ui, e)) {
		ui_message(ui, 1, "choose another entity to merge %s into",
		    e->name);
		return REDRAW_STATUS;
	}
	if ((f = open_file(ui)) == NULL)
		return REDRAW_STATUS;
	/* Every form of the marked one: those met in the text, and those
	 * the gazetteer gives it, so that it is gone from every article. */
	if (ui->edb != NULL)
		gz = entity_db_aliases(ui->edb, ui->ent_mark[0], &ngz);
	else
		gz = NULL;
	n = ui->nent_mark + ngz;
	forms = xcalloc(n + 1, sizeof *forms);
	for (i = 0; i < ui->nent_mark; i++)
		forms[i] = ui->ent_mark[i];
	for (i = 0; i < ngz; i++)
		forms[ui->nent_mark + i] = gz[i];
	into = xstrdup(e->name);
	from = xstrdup(ui->ent_mark[0]);
	r = entfile_merge(f, into, e->type, forms, n, &cause);
	free(forms);
	entedit_unmark(ui);
	if (commit(ui, f, r, cause, into) >= 0)
		ui_message(ui, 0, "%s merged into %s (entities.yaml)", from,
		    into);
	free(into);
	free(from);
	return REDRAW_SIDEBAR | REDRAW_READING | REDRAW_LIST | REDRAW_STATUS;
}

void
entedit_free(struct ui *ui)
{
	entedit_unmark(ui);
	free(ui->ent_new);
	ui->ent_new = NULL;
}
