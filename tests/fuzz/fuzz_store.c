/* Fuzz target: the loaders of tags.yaml and highlights.yaml.  The input is
 * parsed once and read as each kind of state file, through the store's
 * own buffer functions (src/store_int.h; store_open reads files the same
 * way, under a lock).  Whatever the bytes: no crash or leak, errors as
 * "file:line:col: message", entries as store.h promises.  And what the
 * store would write back must read back the same, byte for byte and field
 * for field: a save must never lose or change the reader's state. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/store.h"
#include "../../src/store_int.h"
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[STORE_NFILES] = {
	"tags.yaml", "highlights.yaml"
};

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void
check_entry(const struct sentry *e)
{
	const struct store_highlight	*h;
	size_t				 i, j;

	if (e->key == NULL || *e->key == '\0')
		abort();
	for (i = 0; i < e->ntags; i++) {
		if (e->tags[i] == NULL || *e->tags[i] == '\0')
			abort();
		if (i > 0 && strcmp(e->tags[i - 1], e->tags[i]) >= 0)
			abort();	/* sorted, unique */
	}
	for (i = 0; i < e->nhl; i++) {
		h = &e->hl[i];
		if (h->quote == NULL || *h->quote == '\0' ||
		    h->before == NULL || h->after == NULL)
			abort();
		if (h->note != NULL && *h->note == '\0')
			abort();
		if (h->id[0] == '\0' || strlen(h->id) > STORE_ID_LEN)
			abort();
		for (j = 0; j < i; j++)
			if (strcmp(e->hl[j].id, h->id) == 0)
				abort();
	}
}

static void
same_entry(const struct sentry *a, const struct sentry *b)
{
	const struct store_highlight	*x, *y;
	size_t				 i;

	if (strcmp(a->key, b->key) != 0 || a->hash != b->hash ||
	    a->read != b->read || a->ntags != b->ntags || a->nhl != b->nhl)
		abort();
	for (i = 0; i < a->ntags; i++)
		if (strcmp(a->tags[i], b->tags[i]) != 0)
			abort();
	for (i = 0; i < a->nhl; i++) {
		x = &a->hl[i];
		y = &b->hl[i];
		if (strcmp(x->id, y->id) != 0 || !same(x->quote, y->quote) ||
		    !same(x->before, y->before) || !same(x->after, y->after) ||
		    !same(x->note, y->note) || x->para != y->para ||
		    x->offset != y->offset || x->created != y->created)
			abort();
	}
}

/* The file the store writes for these entries: their fragments in key
 * order. */
static char *
emit_all(struct sentry **e, size_t n, enum store_file kind, size_t *len)
{
	char	*out;
	size_t	 i, off = 0;

	for (i = 0; i < n; i++) {
		sentry_emit(e[i], kind);
		off += e[i]->fraglen;
	}
	if ((out = malloc(off + 1)) == NULL)
		abort();
	for (i = off = 0; i < n; i++) {
		memcpy(out + off, e[i]->frag, e[i]->fraglen);
		off += e[i]->fraglen;
	}
	out[off] = '\0';
	*len = off;
	return out;
}

static void
free_entries(struct sentry **e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		sentry_free(e[i]);
	free(e);
}

static void
load_kind(const struct ynode *root, enum store_file kind)
{
	struct ynode	 *root2;
	struct sentry	**e, **e2;
	char		 *cause, *text, *text2;
	size_t		  n, n2, i, len, len2;

	if (sentry_from_tree(kind, names[kind], root, &e, &n, &cause) != 0) {
		fuzz_check_message(cause, names[kind]);
		free(cause);
		return;
	}
	for (i = 0; i < n; i++) {
		check_entry(e[i]);
		if (i > 0 && strcmp(e[i - 1]->key, e[i]->key) >= 0)
			abort();
	}

	/* Write, read back, write again. */
	text = emit_all(e, n, kind, &len);
	if (ytree_parse(names[kind], text, len, &root2, &cause) != 0 ||
	    sentry_from_tree(kind, names[kind], root2, &e2, &n2, &cause) != 0)
		abort();
	ytree_free(root2);
	if (n2 != n)
		abort();
	for (i = 0; i < n; i++)
		same_entry(e[i], e2[i]);
	text2 = emit_all(e2, n2, kind, &len2);
	if (len2 != len || memcmp(text, text2, len) != 0)
		abort();

	free(text);
	free(text2);
	free_entries(e, n);
	free_entries(e2, n2);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ynode	*root;
	char		*cause;
	int		 kind;

	for (kind = 0; kind < STORE_NFILES; kind++) {
		if (ytree_parse(names[kind], (const char *)data, size, &root,
		    &cause) != 0) {
			fuzz_check_message(cause, names[kind]);
			free(cause);
			return 0;
		}
		load_kind(root, kind);
		ytree_free(root);
	}
	return 0;
}
