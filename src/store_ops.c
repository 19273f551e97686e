/* store_ops: the changes the store records (struct sop) and how each is
 * applied to a file's entries -- the first time, and again on top of what
 * another instance saved. */
#include <stdlib.h>
#include <string.h>

#include "inkstone/util.h"
#include "store_int.h"

void
sop_free(struct sop *op)
{
	free(op->key);
	free(op->arg);
	free(op->note);
	sentry_hl_clear(&op->hl);
	memset(op, 0, sizeof *op);
}

static void
tags_add(struct sentry *e, const char *tag)
{
	size_t i;

	for (i = 0; i < e->ntags && strcmp(e->tags[i], tag) < 0; i++)
		continue;
	if (i < e->ntags && strcmp(e->tags[i], tag) == 0)
		return;
	e->tags = xreallocarray(e->tags, e->ntags + 1, sizeof *e->tags);
	memmove(e->tags + i + 1, e->tags + i, (e->ntags - i) *
	    sizeof *e->tags);
	e->tags[i] = xstrdup(tag);
	e->ntags++;
}

static void
tags_remove(struct sentry *e, const char *tag)
{
	size_t i;

	for (i = 0; i < e->ntags; i++) {
		if (strcmp(e->tags[i], tag) != 0)
			continue;
		free(e->tags[i]);
		memmove(e->tags + i, e->tags + i + 1, (e->ntags - i - 1) *
		    sizeof *e->tags);
		e->ntags--;
		return;
	}
}

static struct store_highlight *
hl_find(struct sentry *e, const char *id)
{
	size_t i;

	for (i = 0; i < e->nhl; i++)
		if (strcmp(e->hl[i].id, id) == 0)
			return &e->hl[i];
	return NULL;
}

void
sentry_hl_copy(struct store_highlight *dst, const struct store_highlight *src)
{
	memcpy(dst->id, src->id, sizeof dst->id);
	dst->quote = xstrdup(src->quote);
	dst->before = xstrdup(src->before ? src->before : "");
	dst->after = xstrdup(src->after ? src->after : "");
	dst->note = src->note != NULL ? xstrdup(src->note) : NULL;
	dst->para = src->para;
	dst->offset = src->offset;
	dst->created = src->created;
}

static void
hl_append(struct sentry *e, const struct store_highlight *h)
{
	if (hl_find(e, h->id) != NULL)
		return;
	e->hl = xreallocarray(e->hl, e->nhl + 1, sizeof *e->hl);
	sentry_hl_copy(&e->hl[e->nhl++], h);
}

/* Moves entry from to key to; when to has an entry already, the two are
 * merged (nothing is dropped). */
static void
entry_move(struct sfile *f, const char *from, const char *to)
{
	struct sentry	*e, *d;
	size_t		 i;
	int		 found;

	if ((e = sfile_get(f, from)) == NULL || strcmp(from, to) == 0)
		return;
	d = sfile_get_or_add(f, to);
	d->hash = e->hash;
	d->read |= e->read;
	for (i = 0; i < e->ntags; i++)
		tags_add(d, e->tags[i]);
	for (i = 0; i < e->nhl; i++)
		hl_append(d, &e->hl[i]);
	if (d->extra == NULL) {
		d->extra = e->extra;
		e->extra = NULL;
	}
	free(d->frag);
	d->frag = NULL;
	i = sfile_find(f, from, &found);
	sentry_free(f->e[i]);
	memmove(f->e + i, f->e + i + 1, (f->n - i - 1) * sizeof *f->e);
	f->n--;
	f->changed = 1;
}

static int
tags_has(const struct sentry *e, const char *tag)
{
	size_t i;

	for (i = 0; i < e->ntags; i++)
		if (strcmp(e->tags[i], tag) == 0)
			return 1;
	return 0;
}

/* Renames tag from to to on every entry that has it, merging with a tag
 * to already there.  As an operation of its own (not an add and a remove
 * per entry) so that a replay on top of another instance's save renames
 * the tag on the entries that instance tagged too. */
static void
tags_rename(struct sfile *f, const char *from, const char *to)
{
	size_t i;

	f->renamed = 0;
	for (i = 0; i < f->n; i++) {
		if (!tags_has(f->e[i], from))
			continue;
		f->renamed++;
		tags_remove(f->e[i], from);
		tags_add(f->e[i], to);
		free(f->e[i]->frag);
		f->e[i]->frag = NULL;
	}
}

size_t
sop_rename_count(const struct sfile *f, const char *from)
{
	size_t i, n = 0;

	for (i = 0; i < f->n; i++)
		n += tags_has(f->e[i], from);
	return n;
}

void
sop_apply(struct store *s, struct sfile *f, const struct sop *op)
{
	struct sentry		*e;
	struct store_highlight	*h;

	(void)s;
	switch (op->type) {
	case SOP_MOVE:
		entry_move(f, op->key, op->arg);
		return;
	case SOP_TAG_RENAME:
		tags_rename(f, op->arg, op->note);
		return;
	case SOP_TAG_ADD:
	case SOP_HL_ADD:
		e = sfile_get_or_add(f, op->key);
		break;
	case SOP_READ:
		e = op->flag ? sfile_get_or_add(f, op->key) :
		    sfile_get(f, op->key);
		break;
	default:
		e = sfile_get(f, op->key);
		break;
	}
	if (e == NULL)
		return;
	if (op->hash != 0 && e->hash != op->hash) {
		e->hash = op->hash;
		f->changed = 1;
	}
	switch (op->type) {
	case SOP_TAG_ADD:
		tags_add(e, op->arg);
		break;
	case SOP_TAG_REMOVE:
		tags_remove(e, op->arg);
		break;
	case SOP_READ:
		e->read = op->flag;
		break;
	case SOP_HL_ADD:
		hl_append(e, &op->hl);
		break;
	case SOP_HL_DELETE:
		if ((h = hl_find(e, op->arg)) != NULL) {
			sentry_hl_clear(h);
			memmove(h, h + 1, (size_t)(e->hl + e->nhl - h - 1) *
			    sizeof *h);
			e->nhl--;
		}
		break;
	case SOP_NOTE:
		if ((h = hl_find(e, op->arg)) != NULL) {
			free(h->note);
			h->note = op->note != NULL ? xstrdup(op->note) : NULL;
		}
		break;
	case SOP_MOVE:
	case SOP_HASH:
	case SOP_TAG_RENAME:
		break;
	}
	free(e->frag);
	e->frag = NULL;
	sfile_tidy(f, e);
}
