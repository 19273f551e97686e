/* adopt: puts a fresh library (from the indexer) in place of the one on
 * screen without the reader noticing more than the new rows: the selected
 * and open articles stay, and so do marks, read marks, the store's
 * identities and the bodies and entities already loaded of files that did
 * not change.  Both libraries' ids are their index order, which is the
 * order of rel, so one merge walk pairs the entries. */
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "inkstone/entity.h"
#include "inkstone/libindex.h"
#include "inkstone/store.h"
#include "inkstone/util.h"

/* The entries of lib by id (ids are below lib->n). */
static struct library_entry **
by_id(struct library *lib)
{
	struct library_entry	**v;
	size_t			  i;

	v = xcalloc(lib->n + 1, sizeof *v);
	for (i = 0; i < lib->n; i++)
		if (lib->v[i].id < lib->n)
			v[lib->v[i].id] = &lib->v[i];
	return v;
}

/* 1 if the file is the same in both indexes (size and mtime). */
static int
same_file(const struct library *a, const struct library_entry *ea,
    const struct library *b, const struct library_entry *eb)
{
	struct libindex_article	xa, xb;

	if (a->index == NULL || b->index == NULL || ea->ix == (size_t)-1 ||
	    eb->ix == (size_t)-1)
		return 0;
	libindex_get(a->index, ea->ix, &xa);
	libindex_get(b->index, eb->ix, &xb);
	return xa.size == xb.size && xa.mtime_ns == xb.mtime_ns &&
	    xa.hash == xb.hash;
}

/* Moves what the reader holds for old entry o to new entry n. */
static void
carry(struct ui *ui, struct library *old, struct library_entry *o,
    struct library *lib, struct library_entry *n, unsigned char *read,
    unsigned char *marked, struct store_article *sa,
    struct entity_set **ents)
{
	int	same = same_file(old, o, lib, n);
	int	open = ui->open >= 0 && &old->v[ui->open] == o;

	read[n->id] = ui->read[o->id];
	marked[n->id] = ui->marked[o->id];
	if (same) {
		sa[n->id] = ui->sa[o->id];
		memset(&ui->sa[o->id], 0, sizeof ui->sa[o->id]);
	}
	/*
	 * The open article stays as it is on screen even if its file
	 * changed: its lines, marks and highlights point into it.  Closing
	 * it unloads it, and the next open reads the new file.
	 */
	if ((same || open) && o->article != NULL && !n->failed) {
		n->article = o->article;
		n->error = n->article->error;
		o->article = NULL;
	}
	if (same || open) {
		ents[n->id] = ui->entry_ents[o->id];
		ui->entry_ents[o->id] = NULL;
	}
}

void
ui_adopt_library(struct ui *ui, struct library *lib)
{
	struct library		 *old = ui->lib;
	struct library_entry	**ov, **nv;
	const struct library_entry *sel = list_selected(ui);
	unsigned char		 *read, *marked;
	struct store_article	 *sa;
	struct entity_set	**ents;
	char			 *selrel = NULL;
	size_t			  i, j, openid = (size_t)-1;
	int			  c;

	if (sel != NULL)
		selrel = xstrdup(sel->rel);
	ov = by_id(old);
	nv = by_id(lib);
	read = xcalloc(lib->n + 1, 1);
	marked = xcalloc(lib->n + 1, 1);
	sa = xcalloc(lib->n + 1, sizeof *sa);
	ents = xcalloc(lib->n + 1, sizeof *ents);
	for (i = j = 0; i < old->n && j < lib->n; ) {
		if (ov[i] == NULL) {
			i++;
			continue;
		}
		c = strcmp(ov[i]->rel, nv[j]->rel);
		if (c < 0)
			i++;
		else if (c > 0)
			j++;
		else {
			if (ui->open >= 0 && &old->v[ui->open] == ov[i])
				openid = nv[j]->id;
			carry(ui, old, ov[i], lib, nv[j], read, marked, sa,
			    ents);
			i++;
			j++;
		}
	}
	/* The open article's file is gone: close it while its lines are
	 * still there to free. */
	if (ui->open >= 0 && openid == (size_t)-1)
		ui_close_article(ui);
	for (i = 0; i < old->n; i++) {
		if (i < ui->nsa)
			store_article_free(&ui->sa[i]);
		if (ui->entry_ents[i] != NULL)
			entity_set_free(ui->entry_ents[i]);
	}
	free(ui->sa);
	free(ui->entry_ents);
	free(ui->read);
	free(ui->marked);
	free(ui->view);
	ui->sa = sa;
	ui->nsa = lib->n;
	ui->entry_ents = ents;
	ui->read = read;
	ui->marked = marked;
	ui->view = xcalloc(lib->n + 1, sizeof *ui->view);
	ui->nmarked = 0;
	for (i = 0; i < lib->n; i++)
		ui->nmarked += marked[i];
	ui->lib = lib;
	ui_sort(ui);
	ui->open = -1;
	for (i = 0; openid != (size_t)-1 && i < lib->n; i++)
		if (lib->v[i].id == openid)
			ui->open = (long)i;
	library_free(old);
	free(ov);
	free(nv);
	ui->unread_valid = 0;
	ui->nview = 0;
	ui_refilter(ui);
	for (i = 0; selrel != NULL && i < ui->nview; i++)
		if (strcmp(lib->v[ui->view[i]].rel, selrel) == 0) {
			listmodel_select(&ui->list, i);
			break;
		}
	free(selrel);
}
